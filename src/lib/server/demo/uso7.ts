import type { AttendanceGroup, Position } from '$lib/domain/positions';
import type { MembershipState } from '$lib/domain/membership';

/**
 * The USO 7 story (2023–2024), after the Vaala board minutes in shared/seed: the season, its
 * fee tiers, and Vaala with a dozen other members of different sizes, regions and language
 * status. Every person is fictional; addresses are @example.fi.
 */
export const USO7_SEASON = {
	number: 7,
	startsOn: '2023-01-01',
	endsOn: '2024-12-31',
	leadThemeFi: 'Uudistuvien kuntien johtaminen',
	leadThemeSv: 'Ledarskap i kommuner som förnyas',
	leadThemeEn: 'Leadership of renewing municipalities',
	descriptionFi:
		'Keskiössä on kuntien johtamisen tukeminen ja tuki kunnille kuntakenttään kohdistuvien muutosten, kuten hyvinvointialueuudistuksen ja TE 2024 -palvelu-uudistuksen, keskellä.',
	descriptionSv:
		'I centrum står stödet för kommunernas ledarskap och för kommunerna mitt i förändringarna inom kommunfältet, såsom välfärdsområdesreformen och TE 2024-reformen.',
	descriptionEn:
		'At its centre is supporting municipal leadership and supporting municipalities amid the changes that hit the whole municipal field, such as the wellbeing services county reform and the TE 2024 employment services reform.',
	seminars: 4,
	workSeminars: 4,
	contactPersonMeetings: null,
	currentAffairsReviews: null,
	peerDiscussions: null,
	developmentEvents: null,
	workshopsPerMunicipality: 5,
	situationAnalysesPerMunicipality: 1
} as const;

export const USO7_FOCUS_AREAS = [
	{
		textFi: 'Strateginen johtaminen ja ennakointi',
		textSv: 'Strategiskt ledarskap och framsynthet',
		textEn: 'Strategic leadership and foresight'
	},
	{
		textFi: 'Yhteistyömallien rakentaminen hyvinvointialueiden kanssa',
		textSv: 'Samarbetsmodeller med välfärdsområdena',
		textEn: 'Building cooperation models with the wellbeing services counties'
	},
	{
		textFi: 'Työllisyys- ja elinvoimaekosysteemien johtaminen',
		textSv: 'Ledning av ekosystem för sysselsättning och livskraft',
		textEn: 'Leading employment and vitality ecosystems'
	}
] as const;

/** Small 9,000 € a year as in the seed; the medium and large amounts are demo amounts. */
export const USO_FEE_TIERS = [
	{
		nameFi: 'Pieni kunta',
		nameSv: 'Liten kommun',
		nameEn: 'Small municipality',
		minPopulation: 0,
		maxPopulation: 9_999,
		yearlyFeeCents: 900_000,
		isDemoAmount: false
	},
	{
		nameFi: 'Keskikokoinen kunta',
		nameSv: 'Medelstor kommun',
		nameEn: 'Medium-sized municipality',
		minPopulation: 10_000,
		maxPopulation: 49_999,
		yearlyFeeCents: 1_400_000,
		isDemoAmount: true
	},
	{
		nameFi: 'Suuri kunta',
		nameSv: 'Stor kommun',
		nameEn: 'Large municipality',
		minPopulation: 50_000,
		maxPopulation: null,
		yearlyFeeCents: 2_200_000,
		isDemoAmount: true
	}
] as const;

export interface DemoPerson {
	name: string;
	title: string;
	positions: Position[];
	locale?: 'fi' | 'sv' | 'en';
	/** The demo account kind: yhteys-<code> (contact person) or osallistuja-<code> (participant). */
	account?: 'contact' | 'participant';
	email?: string;
}

export interface DemoMember {
	code: string;
	state: MembershipState;
	onSiteGroups: AttendanceGroup[];
	decision?: {
		body: string;
		meetingDate: string;
		section: string;
		presenterTitle: string;
		outcome: 'approved' | 'rejected' | 'tabled';
		decision: string;
	};
	people: DemoPerson[];
}

const LEADERS: AttendanceGroup[] = ['board', 'council_presidium', 'management_team'];

export const USO7_MEMBERS: DemoMember[] = [
	{
		code: '785', // Vaala, as in the seed
		state: 'active',
		onSiteGroups: LEADERS,
		decision: {
			body: 'kunnanhallitus',
			meetingDate: '2023-01-16',
			section: '§ 9',
			presenterTitle: 'kunnanjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Helena Hallila',
				title: 'hallintojohtaja',
				positions: ['administrative_director', 'management_team_member', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Mikko Mäkelä',
				title: 'kunnanhallituksen jäsen',
				positions: ['board_member'],
				account: 'participant'
			},
			{
				name: 'Kerttu Koskela',
				title: 'kunnanjohtaja',
				positions: ['municipal_manager', 'management_team_member']
			},
			{
				name: 'Tapio Tervo',
				title: 'kunnanvaltuuston puheenjohtaja',
				positions: ['council_chair']
			},
			{ name: 'Riikka Rautio', title: 'kehittämiskoordinaattori', positions: ['developer'] },
			{ name: 'Olli Oikarinen', title: 'kunnanvaltuutettu', positions: ['council_member'] }
		]
	},
	{
		code: '205',
		state: 'active',
		onSiteGroups: LEADERS,
		decision: {
			body: 'kaupunginhallitus',
			meetingDate: '2023-01-23',
			section: '§ 14',
			presenterTitle: 'kaupunginjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Jaana Juntunen',
				title: 'kehittämispäällikkö',
				positions: ['developer', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Pekka Pulkkinen',
				title: 'kaupunginhallituksen jäsen',
				positions: ['board_member'],
				account: 'participant'
			}
		]
	},
	{
		code: '777',
		state: 'active',
		onSiteGroups: ['board', 'management_team'],
		decision: {
			body: 'kunnanhallitus',
			meetingDate: '2023-02-06',
			section: '§ 31',
			presenterTitle: 'kunnanjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Sari Seppänen',
				title: 'hallintojohtaja',
				positions: ['administrative_director', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Veikko Väisänen',
				title: 'johtoryhmän jäsen',
				positions: ['management_team_member'],
				account: 'participant'
			}
		]
	},
	{
		code: '615',
		state: 'active',
		onSiteGroups: LEADERS,
		decision: {
			body: 'kaupunginhallitus',
			meetingDate: '2023-01-30',
			section: '§ 22',
			presenterTitle: 'kaupunginjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Anu Alatalo',
				title: 'elinvoimajohtaja',
				positions: ['management_team_member', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Ilkka Illikainen',
				title: 'kaupunginvaltuuston varapuheenjohtaja',
				positions: ['council_vice_chair'],
				account: 'participant'
			}
		]
	},
	{
		code: '140',
		state: 'active',
		onSiteGroups: LEADERS,
		decision: {
			body: 'kaupunginhallitus',
			meetingDate: '2023-02-13',
			section: '§ 45',
			presenterTitle: 'kaupunginjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Minna Miettinen',
				title: 'strategiapäällikkö',
				positions: ['developer', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Juha Jääskeläinen',
				title: 'kaupunginhallituksen puheenjohtaja',
				positions: ['board_chair'],
				account: 'participant'
			}
		]
	},
	{
		code: '244',
		state: 'active',
		onSiteGroups: ['board', 'management_team'],
		decision: {
			body: 'kunnanhallitus',
			meetingDate: '2023-01-09',
			section: '§ 5',
			presenterTitle: 'kunnanjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Laura Lehtola',
				title: 'kehitysjohtaja',
				positions: ['management_team_member', 'contact_person'],
				account: 'contact'
			},
			{ name: 'Timo Tuomela', title: 'kehittäjä', positions: ['developer'], account: 'participant' }
		]
	},
	{
		code: '743',
		state: 'active',
		onSiteGroups: LEADERS,
		decision: {
			body: 'kaupunginhallitus',
			meetingDate: '2023-01-16',
			section: '§ 18',
			presenterTitle: 'kaupunginjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Elina Ekola',
				title: 'kehittämisjohtaja',
				positions: ['management_team_member', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Antti Ahola',
				title: 'kaupunginvaltuuston puheenjohtaja',
				positions: ['council_chair'],
				account: 'participant'
			}
		]
	},
	{
		code: '434',
		state: 'active',
		onSiteGroups: LEADERS,
		decision: {
			body: 'kaupunginhallitus',
			meetingDate: '2023-02-20',
			section: '§ 52',
			presenterTitle: 'kaupunginjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Camilla Lindqvist',
				title: 'utvecklingschef',
				positions: ['developer', 'contact_person'],
				account: 'contact',
				locale: 'sv'
			},
			{
				name: 'Johan Holmström',
				title: 'stadsstyrelseledamot',
				positions: ['board_member'],
				account: 'participant',
				locale: 'sv'
			}
		]
	},
	{
		code: '599',
		state: 'active',
		onSiteGroups: ['board', 'council_presidium'],
		decision: {
			body: 'kommunstyrelsen',
			meetingDate: '2023-01-24',
			section: '§ 11',
			presenterTitle: 'kommundirektör',
			outcome: 'approved',
			decision: 'Godkändes.'
		},
		people: [
			{
				name: 'Anna-Karin Björk',
				title: 'förvaltningschef',
				positions: ['administrative_director', 'contact_person'],
				account: 'contact',
				locale: 'sv'
			},
			{
				name: 'Mats Nyholm',
				title: 'fullmäktiges ordförande',
				positions: ['council_chair'],
				account: 'participant',
				locale: 'sv'
			}
		]
	},
	{
		code: '507',
		state: 'active',
		onSiteGroups: LEADERS,
		decision: {
			body: 'kunnanhallitus',
			meetingDate: '2023-01-30',
			section: '§ 17',
			presenterTitle: 'kunnanjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Kaija Kettunen',
				title: 'hallintojohtaja',
				positions: ['administrative_director', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Risto Rantanen',
				title: 'kunnanhallituksen jäsen',
				positions: ['board_member'],
				account: 'participant'
			}
		]
	},
	// Pertunmaa took part in USO 7 and merged into Mäntyharju on 1.1.2025: its records stay valid.
	{
		code: '588',
		state: 'active',
		onSiteGroups: ['board'],
		decision: {
			body: 'kunnanhallitus',
			meetingDate: '2023-02-07',
			section: '§ 20',
			presenterTitle: 'kunnanjohtaja',
			outcome: 'approved',
			decision: 'Hyväksyttiin.'
		},
		people: [
			{
				name: 'Paula Pesonen',
				title: 'kunnansihteeri',
				positions: ['administrative_director', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Erkki Eskola',
				title: 'kunnanhallituksen jäsen',
				positions: ['board_member'],
				account: 'participant'
			}
		]
	},
	{
		code: '235',
		state: 'declined',
		onSiteGroups: [],
		decision: {
			body: 'kaupunginhallitus',
			meetingDate: '2023-02-13',
			section: '§ 33',
			presenterTitle: 'kaupunginjohtaja',
			outcome: 'rejected',
			decision: 'Kaupunginhallitus päätti olla osallistumatta verkoston 7. kauteen.'
		},
		people: [
			{
				name: 'Fredrik Forsman',
				title: 'kehittämispäällikkö',
				positions: ['developer', 'contact_person'],
				account: 'contact',
				locale: 'sv'
			},
			{
				name: 'Liisa Laine',
				title: 'kaupunginhallituksen jäsen',
				positions: ['board_member'],
				account: 'participant'
			}
		]
	},
	{
		code: '398',
		state: 'invited',
		onSiteGroups: [],
		people: [
			{
				name: 'Sanna Salonen',
				title: 'strategiajohtaja',
				positions: ['management_team_member', 'contact_person'],
				account: 'contact'
			},
			{
				name: 'Heikki Honkanen',
				title: 'kaupunginvaltuutettu',
				positions: ['council_member'],
				account: 'participant'
			}
		]
	},
	{
		code: '710',
		state: 'decided',
		onSiteGroups: LEADERS,
		decision: {
			body: 'stadsstyrelsen',
			meetingDate: '2023-03-06',
			section: '§ 61',
			presenterTitle: 'stadsdirektör',
			outcome: 'approved',
			decision: 'Godkändes.'
		},
		people: [
			{
				name: 'Ulrika Sjöberg',
				title: 'utvecklingsdirektör',
				positions: ['management_team_member', 'contact_person'],
				account: 'contact',
				locale: 'sv'
			},
			{
				name: 'Henrik Lindroos',
				title: 'stadsstyrelseledamot',
				positions: ['board_member'],
				account: 'participant',
				locale: 'sv'
			}
		]
	}
];
