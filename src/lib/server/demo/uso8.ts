import type { LocalDate } from '$lib/domain/helsinki-time';

/**
 * The demo's current season, USO 8: the season after USO 7 with USO 7's members in the same
 * states, their decisions and contact persons (seed-demo.ts). Unlike USO 7 its dates are not
 * fixed: it is placed around the day the demo is loaded, so that a newcomer always finds a
 * season running, with events behind and ahead of them.
 */

/**
 * USO 8 runs two calendar years, like USO 7, starting on 1 January of the year in which the
 * day six months before the load day falls. Loaded from July on, it is the load year and the
 * next; loaded in January–June, the previous year and the load year. Either way the load day
 * lies at least six months from both ends of the season, so that the season's past events
 * (with attendance and feedback) and its coming ones (open for sign-up) all fit in it, which
 * "1 January of the load year" would not give on a demo loaded in early January. Loaded after
 * 2025 this leaves a gap after USO 7 (2023–2024): the price of a story that stays current.
 */
export function uso8Period(loadDay: LocalDate): { startsOn: LocalDate; endsOn: LocalDate } {
	const [year, month] = loadDay.split('-').map(Number) as [number, number];
	const startYear = month >= 7 ? year : year - 1;
	return { startsOn: `${startYear}-01-01`, endsOn: `${startYear + 1}-12-31` };
}

export const USO8_SEASON = {
	number: 8,
	leadThemeFi: 'Elinvoiman ja työllisyyden johtaminen muuttuvassa kunnassa',
	leadThemeSv: 'Ledning av livskraft och sysselsättning i en kommun i förändring',
	leadThemeEn: 'Leading vitality and employment in a changing municipality',
	descriptionFi:
		'Kausi tukee kuntia, kun työllisyyspalvelujen järjestämisvastuu vakiintuu työllisyysalueille, kuntataloutta tasapainotetaan ja päätöksiä tehdään yhä enemmän tiedon varassa.',
	descriptionSv:
		'Säsongen stöder kommunerna när ansvaret för sysselsättningstjänsterna etableras i sysselsättningsområdena, kommunalekonomin balanseras och besluten allt oftare fattas på basis av kunskap.',
	descriptionEn:
		'The season supports municipalities as the employment areas settle into organising employment services, as municipal finances are balanced and as decisions rest more and more on knowledge.',
	seminars: 4,
	workSeminars: 4,
	contactPersonMeetings: null,
	currentAffairsReviews: null,
	peerDiscussions: null,
	developmentEvents: null,
	workshopsPerMunicipality: 5,
	situationAnalysesPerMunicipality: 1
} as const;

export const USO8_FOCUS_AREAS = [
	{
		textFi: 'Työllisyysalueen yhteistyö ja johtaminen',
		textSv: 'Samarbete och ledning inom sysselsättningsområdet',
		textEn: 'Cooperation and leadership in the employment area'
	},
	{
		textFi: 'Kuntatalouden tasapainottaminen ja palveluverkko',
		textSv: 'Balansering av kommunalekonomin och servicenätet',
		textEn: 'Balancing municipal finances and the service network'
	},
	{
		textFi: 'Tiedolla johtaminen ja tekoäly kunnan kehittämisessä',
		textSv: 'Kunskapsbaserad ledning och artificiell intelligens i kommunens utveckling',
		textEn: 'Knowledge-based management and artificial intelligence in municipal development'
	}
] as const;

/**
 * Pertunmaa (588) merged into Mäntyharju (507) on 1.1.2025: it took part in USO 7 but cannot
 * join a later season. Mäntyharju, itself a member, continues.
 */
export const NOT_CONTINUING = new Set(['588']);
