/** An event's materials: files shown to everyone who sees the event. */
export const materialsFi = {
	'materials.title': 'Materiaalit',
	'materials.intro':
		'Tapahtuman tiedostot, kuten ohjelma ja esitykset, näkyvät kaikille, jotka näkevät tapahtuman.',
	'materials.none': 'Tapahtumalla ei ole materiaaleja.',
	'materials.manage': 'Materiaalit',
	'materials.file': 'Tiedosto',
	'materials.fileHint': 'PDF, Word, Excel, PowerPoint, PNG tai JPEG, enintään 20 Mt.',
	'materials.add': 'Lisää tiedosto',
	'materials.added': 'Tiedosto {name} on lisätty.',
	'materials.remove': 'Poista',
	'materials.removeLabel': 'Poista {name}',
	'materials.removed': 'Tiedosto on poistettu.',
	'materials.size': 'Koko',
	'materials.addedAt': 'Lisätty',
	'materials.sizeKb': '{size} kt',
	'materials.sizeMb': '{size} Mt',
	'materials.refusal.too_many': 'Tapahtumalla voi olla enintään {max} tiedostoa.',
	'materials.refusal.not_found': 'Tiedostoa ei löydy.'
} as const;
