import type { materialsFi } from '../fi/materials';

export const materialsSv: Record<keyof typeof materialsFi, string> = {
	'materials.title': 'Material',
	'materials.intro':
		'Evenemangets filer, som programmet och presentationerna, syns för alla som ser evenemanget.',
	'materials.none': 'Evenemanget har inget material.',
	'materials.manage': 'Material',
	'materials.file': 'Fil',
	'materials.fileHint': 'PDF, Word, Excel, PowerPoint, PNG eller JPEG, högst 20 MB.',
	'materials.add': 'Lägg till fil',
	'materials.added': 'Filen {name} har lagts till.',
	'materials.remove': 'Ta bort',
	'materials.removeLabel': 'Ta bort {name}',
	'materials.removed': 'Filen har tagits bort.',
	'materials.size': 'Storlek',
	'materials.addedAt': 'Tillagd',
	'materials.sizeKb': '{size} kB',
	'materials.sizeMb': '{size} MB',
	'materials.refusal.too_many': 'Ett evenemang kan ha högst {max} filer.',
	'materials.refusal.not_found': 'Filen hittas inte.'
};
