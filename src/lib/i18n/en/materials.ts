import type { materialsFi } from '../fi/materials';

export const materialsEn: Record<keyof typeof materialsFi, string> = {
	'materials.title': 'Materials',
	'materials.intro':
		'The event’s files, such as the programme and the slides, are shown to everyone who sees the event.',
	'materials.none': 'The event has no materials.',
	'materials.manage': 'Materials',
	'materials.file': 'File',
	'materials.fileHint': 'PDF, Word, Excel, PowerPoint, PNG or JPEG, at most 20 MB.',
	'materials.add': 'Add the file',
	'materials.added': 'The file {name} has been added.',
	'materials.remove': 'Remove',
	'materials.removeLabel': 'Remove {name}',
	'materials.removed': 'The file has been removed.',
	'materials.size': 'Size',
	'materials.addedAt': 'Added',
	'materials.sizeKb': '{size} kB',
	'materials.sizeMb': '{size} MB',
	'materials.refusal.too_many': 'An event can have at most {max} files.',
	'materials.refusal.not_found': 'The file cannot be found.'
};
