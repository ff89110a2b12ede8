import { fromHelsinki, helsinkiDate, type LocalDate } from '$lib/domain/helsinki-time';
import type { EventFormat, EventType } from '$lib/domain/events/event-types';

/**
 * The demo's events as plans: USO 7's programme of 2023–2024 on fixed days, and USO 8's placed
 * around the day the demo is loaded. Pure data and date arithmetic; seed-events.ts writes them
 * through the use cases. Times are Helsinki wall-clock times (`fromHelsinki`).
 */

/** Who signs up for an event, and who of them attends. */
export type SignUpPlan =
	/**
	 * Of the people of each active member who may attend, about this share (chosen the same way
	 * on every load), on site where they may and the event is held so, else online. Vaala's
	 * people always come to seminars: the story shows its decision at work. `by`: the
	 * municipality's contact person signs its people up at once, or each person themselves.
	 */
	| {
			kind: 'share';
			share: number;
			by: 'contact_person' | 'self';
			/** People who come whatever the share, by name (if they may). */
			always?: readonly string[];
			/** People who have not signed up (yet), by name. */
			except?: readonly string[];
	  }
	/** These people, by name, one after another in this order (the waiting list's order). */
	| { kind: 'list'; names: readonly string[]; mode: 'on_site' | 'online' }
	| { kind: 'none' };

export interface DemoEventPlan {
	/** Stable name of the plan: choices made "at random" are made from it, the same every load. */
	key: string;
	season: 7 | 8;
	type: EventType;
	format: EventFormat;
	titleFi: string;
	titleSv: string;
	titleEn: string;
	descriptionFi: string;
	startsAt: Date;
	endsAt: Date;
	venueName: string;
	venueAddress: string;
	onlineUrl: string | null;
	capacityOnSite: number | null;
	capacityOnline: number | null;
	perMunicipalityOnSite: number | null;
	signUpOpensAt: Date | null;
	signUpClosesAt: Date | null;
	cancellationDeadline: Date | null;
	/** Positions (1-based) of the season's focus areas the event works on. */
	focusAreas: readonly number[];
	signUps: SignUpPlan;
	/** Special arrangements some people state when signing up, by name. */
	arrangements?: Readonly<Record<string, string>>;
	/** People who attended and have not answered the feedback form (yet), by name. */
	noFeedback?: readonly string[];
	/** People who cancel their sign-up just before the load day, by name. */
	cancels?: readonly string[];
}

/** The instant of a Helsinki wall-clock time; the demo's times all exist. */
export function at(date: LocalDate, time: string): Date {
	const result = fromHelsinki(date, time);
	if (!result.ok) throw new Error(`no such Helsinki time: ${date} ${time}`);
	return result.instant;
}

export function addDays(date: LocalDate, days: number): LocalDate {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The day, or the Monday after it when it falls on a weekend: events are held on weekdays. */
export function weekday(date: LocalDate): LocalDate {
	const day = new Date(`${date}T12:00:00Z`).getUTCDay();
	return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

const KUNTATALO = { venueName: 'Kuntatalo', venueAddress: 'Toinen linja 14, 00530 Helsinki' };
const TAMPERE_TALO = {
	venueName: 'Tampere-talo',
	venueAddress: 'Yliopistonkatu 55, 33100 Tampere'
};
const OULU = { venueName: 'Oulun kaupungintalo', venueAddress: 'Torikatu 10, 90100 Oulu' };
const ONLINE = { venueName: '', venueAddress: '' };

/** Shared fields of a plan held on a day from one time to another. */
function held(
	date: LocalDate,
	from: string,
	to: string,
	window: { opensDaysBefore: number; closesDaysBefore: number; cancelDaysBefore: number | null }
) {
	const startsAt = at(date, from);
	return {
		startsAt,
		endsAt: at(date, to),
		signUpOpensAt: at(addDays(date, -window.opensDaysBefore), '09:00'),
		signUpClosesAt:
			window.closesDaysBefore === 0 ? null : at(addDays(date, -window.closesDaysBefore), '16:00'),
		cancellationDeadline:
			window.cancelDaysBefore === null ? null : at(addDays(date, -window.cancelDaysBefore), '16:00')
	};
}

/** Seminars and work seminars: sign-up six weeks ahead, closing a week before. */
const SEMINAR_WINDOW = { opensDaysBefore: 42, closesDaysBefore: 7, cancelDaysBefore: 3 };
/** Online briefings and meetings: sign-up a month ahead, until they start. */
const ONLINE_WINDOW = { opensDaysBefore: 30, closesDaysBefore: 0, cancelDaysBefore: null };

const blank = { titleSv: '', titleEn: '', capacityOnline: null, perMunicipalityOnSite: null };

/**
 * USO 7, 2023–2024: its four seminars and four work seminars as planned, and two contact-person
 * meetings and two current-affairs reviews, which its plan leaves to the season.
 */
export function uso7EventPlans(): DemoEventPlan[] {
	return [
		{
			...blank,
			key: 'uso7-yhdyshenkilot-1',
			season: 7,
			type: 'contact_person_meeting',
			format: 'online',
			titleFi: 'Yhdyshenkilötapaaminen: kausi 7 alkaa',
			descriptionFi:
				'Kauden käytännöt, yhdyshenkilön tehtävät sekä kehittämistyöpajojen ja tilanneanalyysin aikataulu.',
			...held('2023-02-15', '13:00', '14:30', ONLINE_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso7/yhdyshenkilot-2023-02',
			capacityOnSite: null,
			focusAreas: [],
			signUps: { kind: 'share', share: 0.9, by: 'self' }
		},
		{
			...blank,
			key: 'uso7-seminaari-1',
			season: 7,
			type: 'seminar',
			format: 'hybrid',
			titleFi: 'Kausi 7 käyntiin: uudistuvan kunnan johtaminen',
			titleSv: 'Säsong 7 börjar: ledarskap i en kommun som förnyas',
			titleEn: 'Season 7 begins: leading a renewing municipality',
			descriptionFi:
				'Kauden avausseminaari: miten kuntaa johdetaan, kun sosiaali- ja terveyspalvelut ovat siirtyneet hyvinvointialueille ja TE-palvelut ovat siirtymässä kunnille? Puheenvuoroja, kuntaesimerkkejä ja ryhmäkeskusteluja.',
			...held('2023-03-29', '09:30', '15:30', SEMINAR_WINDOW),
			...KUNTATALO,
			onlineUrl: 'https://meet.example.fi/uso7/seminaari-1',
			capacityOnSite: 60,
			focusAreas: [1],
			signUps: { kind: 'share', share: 0.8, by: 'contact_person' },
			arrangements: { 'Kerttu Koskela': 'Gluteeniton ruokavalio' }
		},
		{
			...blank,
			key: 'uso7-tyoseminaari-1',
			season: 7,
			type: 'work_seminar',
			format: 'on_site',
			titleFi: 'Työseminaari: kuntastrategia ja ennakointi käytännössä',
			descriptionFi:
				'Kehittäjien ja yhdyshenkilöiden työpäivä: skenaariotyöskentely, strategian mittarit ja kokemuksia ennakoinnin menetelmistä.',
			...held('2023-05-10', '09:00', '15:00', SEMINAR_WINDOW),
			...KUNTATALO,
			onlineUrl: null,
			capacityOnSite: 30,
			focusAreas: [1],
			signUps: { kind: 'share', share: 0.8, by: 'contact_person' }
		},
		{
			...blank,
			key: 'uso7-ajankohtais-1',
			season: 7,
			type: 'current_affairs_review',
			format: 'online',
			titleFi: 'Ajankohtaiskatsaus: hyvinvointialueiden ensimmäinen puolivuotinen',
			descriptionFi:
				'Kuntaliiton asiantuntijat kertovat, miten kuntien ja hyvinvointialueiden yhteistyö on käynnistynyt ja mitä syksyllä on tulossa.',
			...held('2023-06-07', '09:00', '10:00', ONLINE_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso7/ajankohtais-2023-06',
			capacityOnSite: null,
			focusAreas: [2],
			signUps: { kind: 'share', share: 0.6, by: 'self' }
		},
		{
			...blank,
			key: 'uso7-seminaari-2',
			season: 7,
			type: 'seminar',
			format: 'hybrid',
			titleFi: 'Kunta ja hyvinvointialue – yhteistyön ensimmäinen vuosi',
			titleSv: 'Kommunen och välfärdsområdet – samarbetets första år',
			titleEn: 'The municipality and the wellbeing services county – the first year together',
			descriptionFi:
				'Yhdyspinnat, yhteiset palvelut ja hyvinvoinnin edistäminen: mitä ensimmäinen vuosi opetti ja miten yhteistyötä johdetaan eteenpäin.',
			...held('2023-09-20', '09:30', '15:30', SEMINAR_WINDOW),
			...KUNTATALO,
			onlineUrl: 'https://meet.example.fi/uso7/seminaari-2',
			capacityOnSite: 60,
			focusAreas: [2],
			signUps: { kind: 'share', share: 0.75, by: 'contact_person' },
			arrangements: { 'Anu Alatalo': 'Kasvisruoka' }
		},
		{
			...blank,
			key: 'uso7-tyoseminaari-2',
			season: 7,
			type: 'work_seminar',
			format: 'online',
			titleFi: 'Työseminaari: yhdyspintatyö hyvinvointialueen kanssa',
			descriptionFi:
				'Työpajamuotoinen etäseminaari yhteistyösopimuksista, hyvinvointikertomuksesta ja yhteisistä tavoitteista.',
			...held('2023-11-08', '09:00', '12:00', SEMINAR_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso7/tyoseminaari-2',
			capacityOnSite: null,
			focusAreas: [2],
			signUps: { kind: 'share', share: 0.85, by: 'contact_person' }
		},
		{
			...blank,
			key: 'uso7-yhdyshenkilot-2',
			season: 7,
			type: 'contact_person_meeting',
			format: 'online',
			titleFi: 'Yhdyshenkilötapaaminen: kauden toinen vuosi',
			descriptionFi:
				'Ensimmäisen vuoden palaute, toisen vuoden seminaarit ja jäljellä olevat kehittämistyöpajat.',
			...held('2024-01-24', '13:00', '14:30', ONLINE_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso7/yhdyshenkilot-2024-01',
			capacityOnSite: null,
			focusAreas: [],
			signUps: { kind: 'share', share: 0.8, by: 'self' }
		},
		{
			...blank,
			key: 'uso7-seminaari-3',
			season: 7,
			type: 'seminar',
			format: 'hybrid',
			titleFi: 'TE 2024 -uudistus: kunta työllisyyspalvelujen järjestäjänä',
			titleSv: 'TE 2024-reformen: kommunen som anordnare av sysselsättningstjänster',
			titleEn: 'The TE 2024 reform: the municipality organising employment services',
			descriptionFi:
				'Työllisyysalueet, elinvoima ja yritysyhteistyö: mitä järjestämisvastuu tarkoittaa kunnan johtamiselle. Seminaari pidetään Oulussa.',
			...held('2024-03-13', '09:30', '15:30', SEMINAR_WINDOW),
			...OULU,
			onlineUrl: 'https://meet.example.fi/uso7/seminaari-3',
			capacityOnSite: 50,
			focusAreas: [3],
			signUps: { kind: 'share', share: 0.75, by: 'contact_person' }
		},
		{
			...blank,
			key: 'uso7-tyoseminaari-3',
			season: 7,
			type: 'work_seminar',
			format: 'hybrid',
			titleFi: 'Työseminaari: elinvoimaekosysteemin rakentaminen',
			descriptionFi:
				'Kuntaesimerkkejä elinvoimaverkostoista ja yhteistyöstä oppilaitosten ja yritysten kanssa; iltapäivällä omien ekosysteemien kuvaaminen.',
			...held('2024-05-15', '09:00', '15:00', SEMINAR_WINDOW),
			...TAMPERE_TALO,
			onlineUrl: 'https://meet.example.fi/uso7/tyoseminaari-3',
			capacityOnSite: 30,
			focusAreas: [3],
			signUps: { kind: 'share', share: 0.8, by: 'contact_person' }
		},
		{
			...blank,
			key: 'uso7-ajankohtais-2',
			season: 7,
			type: 'current_affairs_review',
			format: 'online',
			titleFi: 'Ajankohtaiskatsaus: työllisyysalueiden valmistelu',
			descriptionFi:
				'Missä työllisyysalueiden muodostamisessa mennään, ja mitä kuntien on päätettävä ennen vuoden 2025 alkua.',
			...held('2024-06-12', '09:00', '10:00', ONLINE_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso7/ajankohtais-2024-06',
			capacityOnSite: null,
			focusAreas: [3],
			signUps: { kind: 'share', share: 0.6, by: 'self' }
		},
		{
			...blank,
			key: 'uso7-tyoseminaari-4',
			season: 7,
			type: 'work_seminar',
			format: 'online',
			titleFi: 'Työseminaari: strategian toimeenpano ja seuranta',
			descriptionFi:
				'Miten strategia viedään talousarvioon ja arkeen, ja miten sen toteutumista seurataan valtuustokauden aikana.',
			...held('2024-10-02', '09:00', '12:00', SEMINAR_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso7/tyoseminaari-4',
			capacityOnSite: null,
			focusAreas: [1],
			signUps: { kind: 'share', share: 0.85, by: 'contact_person' }
		},
		{
			...blank,
			key: 'uso7-seminaari-4',
			season: 7,
			type: 'seminar',
			format: 'hybrid',
			titleFi: 'Kausi 7 päätökseen: mitä opimme uudistuvien kuntien johtamisesta',
			titleSv: 'Säsong 7 avslutas: vad vi lärt oss om ledarskap i kommuner som förnyas',
			titleEn: 'Season 7 closes: what we learnt about leading renewing municipalities',
			descriptionFi:
				'Kauden päätösseminaari: jäsenkuntien kehittämistyön tulokset, tilanneanalyysien yhteenveto ja katse seuraavaan kauteen.',
			...held('2024-11-13', '09:30', '15:30', SEMINAR_WINDOW),
			...KUNTATALO,
			onlineUrl: 'https://meet.example.fi/uso7/seminaari-4',
			capacityOnSite: 60,
			focusAreas: [1, 2, 3],
			signUps: { kind: 'share', share: 0.8, by: 'contact_person' },
			arrangements: { 'Johan Holmström': 'Laktoositon ruokavalio' }
		}
	];
}

/**
 * USO 8's events around the load day `now`: four held (a seminar, an online work seminar, a
 * contact-person meeting, a current-affairs review a few days ago whose feedback is still
 * open), four open for sign-up (an online-only review, a peer discussion that is full with a
 * waiting list, a hybrid seminar with a per-municipality cap on site, a contact-person
 * meeting) and two whose sign-up opens later. Days are counted from the load day and moved
 * off weekends; every one lies inside the season (`uso8Period` keeps six months each side).
 */
export function uso8EventPlans(now: Date): DemoEventPlan[] {
	const today = helsinkiDate(now);
	const day = (offset: number) => weekday(addDays(today, offset));
	// sign-up windows of the open events are counted from the load day, not the event's day
	const opened = (daysAgo: number) => at(addDays(today, -daysAgo), '09:00');

	const peerDay = day(10);
	const seminarDay = day(25);
	return [
		{
			...blank,
			key: 'uso8-seminaari-1',
			season: 8,
			type: 'seminar',
			format: 'hybrid',
			titleFi: 'Kausi 8 käyntiin: elinvoima ja työllisyys kunnan strategiassa',
			titleSv: 'Säsong 8 börjar: livskraft och sysselsättning i kommunens strategi',
			titleEn: 'Season 8 begins: vitality and employment in the municipal strategy',
			descriptionFi:
				'Kauden avausseminaari: työllisyysalueet ensimmäisen toimintavuotensa jälkeen, elinvoiman mittarit ja kuntien puheenvuorot.',
			...held(day(-70), '09:30', '15:30', SEMINAR_WINDOW),
			...KUNTATALO,
			onlineUrl: 'https://meet.example.fi/uso8/seminaari-1',
			capacityOnSite: 60,
			focusAreas: [1],
			signUps: { kind: 'share', share: 0.8, by: 'contact_person' },
			arrangements: { 'Kerttu Koskela': 'Gluteeniton ruokavalio' }
		},
		{
			...blank,
			key: 'uso8-tyoseminaari-1',
			season: 8,
			type: 'work_seminar',
			format: 'online',
			titleFi: 'Työseminaari: työllisyysalueen yhteistyön käynnistäminen',
			descriptionFi:
				'Sopimukset, yhteiset tavoitteet ja tiedonkulku työllisyysalueen kuntien kesken: etätyöpaja kehittäjille ja yhdyshenkilöille.',
			...held(day(-35), '09:00', '12:00', SEMINAR_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso8/tyoseminaari-1',
			capacityOnSite: null,
			focusAreas: [1],
			signUps: { kind: 'share', share: 0.85, by: 'contact_person' }
		},
		{
			...blank,
			key: 'uso8-yhdyshenkilot-1',
			season: 8,
			type: 'contact_person_meeting',
			format: 'online',
			titleFi: 'Yhdyshenkilötapaaminen: kehittämistyöpajojen suunnittelu',
			descriptionFi: 'Työpajojen aiheet ja aikataulut, tilanneanalyysin vastausaika ja kysymykset.',
			...held(day(-14), '13:00', '14:30', ONLINE_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso8/yhdyshenkilot-1',
			capacityOnSite: null,
			focusAreas: [],
			signUps: { kind: 'share', share: 0.9, by: 'self' }
		},
		{
			...blank,
			key: 'uso8-ajankohtais-1',
			season: 8,
			type: 'current_affairs_review',
			format: 'online',
			titleFi: 'Ajankohtaiskatsaus: kuntatalouden näkymät',
			descriptionFi:
				'Valtionosuudet, verotulot ja sopeuttamisen keinot: Kuntaliiton ekonomistien katsaus ja kysymyksiä.',
			...held(day(-6), '09:00', '10:00', ONLINE_WINDOW),
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso8/ajankohtais-1',
			capacityOnSite: null,
			focusAreas: [2],
			signUps: { kind: 'share', share: 0.7, by: 'self', always: ['Mikko Mäkelä'] },
			// Vaala's participant attended and has the feedback form still to answer (30 days)
			noFeedback: ['Mikko Mäkelä']
		},
		{
			...blank,
			key: 'uso8-ajankohtais-2',
			season: 8,
			type: 'current_affairs_review',
			format: 'online',
			titleFi: 'Ajankohtaiskatsaus: tekoäly kunnan palveluissa',
			descriptionFi:
				'Mitä tekoälyn käytöstä kunnissa on jo opittu, mitä EU:n tekoälysäädös edellyttää ja miten kokeiluja johdetaan.',
			startsAt: at(day(5), '09:00'),
			endsAt: at(day(5), '10:00'),
			signUpOpensAt: opened(14),
			signUpClosesAt: null,
			cancellationDeadline: null,
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso8/ajankohtais-2',
			capacityOnSite: null,
			focusAreas: [3],
			// Vaala's participant has it still to sign up for
			signUps: { kind: 'share', share: 0.5, by: 'contact_person', except: ['Mikko Mäkelä'] }
		},
		{
			...blank,
			key: 'uso8-vertais-1',
			season: 8,
			type: 'peer_discussion',
			format: 'on_site',
			titleFi: 'Vertaiskeskustelu: palveluverkon muutokset ja kuntalaisten osallisuus',
			descriptionFi:
				'Pienryhmäkeskustelu Kuntatalon kokoushuoneessa: miten kouluverkon ja muun palveluverkon muutoksia on valmisteltu ja kuntalaisia kuultu. Paikkoja on kahdeksan.',
			startsAt: at(peerDay, '13:00'),
			endsAt: at(peerDay, '15:30'),
			signUpOpensAt: opened(10),
			signUpClosesAt: at(addDays(peerDay, -2), '16:00'),
			cancellationDeadline: at(addDays(peerDay, -2), '16:00'),
			venueName: 'Kuntatalo, kokoushuone Saimaa',
			venueAddress: 'Toinen linja 14, 00530 Helsinki',
			onlineUrl: null,
			capacityOnSite: 8,
			focusAreas: [2],
			// eight seats: the last three wait, in this order
			signUps: {
				kind: 'list',
				mode: 'on_site',
				names: [
					'Helena Hallila',
					'Jaana Juntunen',
					'Sari Seppänen',
					'Anu Alatalo',
					'Minna Miettinen',
					'Laura Lehtola',
					'Elina Ekola',
					'Kaija Kettunen',
					'Riikka Rautio',
					'Camilla Lindqvist',
					'Mikko Mäkelä'
				]
			}
		},
		{
			...blank,
			key: 'uso8-seminaari-2',
			season: 8,
			type: 'seminar',
			format: 'hybrid',
			titleFi: 'Tiedolla johtaminen ja tekoäly kunnan kehittämisessä',
			titleSv: 'Kunskapsbaserad ledning och artificiell intelligens i kommunens utveckling',
			titleEn: 'Knowledge-based management and AI in municipal development',
			descriptionFi:
				'Kauden toinen seminaari: tietoaineistot päätöksenteon tukena, tekoälykokeilut ja niiden johtaminen. Paikan päällä enintään kolme osallistujaa kunnasta, jotta kaikki jäsenkunnat mahtuvat mukaan; etäyhteydellä ilman rajaa.',
			startsAt: at(seminarDay, '09:30'),
			endsAt: at(seminarDay, '15:30'),
			signUpOpensAt: opened(20),
			signUpClosesAt: at(addDays(seminarDay, -7), '16:00'),
			cancellationDeadline: at(addDays(seminarDay, -3), '16:00'),
			...KUNTATALO,
			onlineUrl: 'https://meet.example.fi/uso8/seminaari-2',
			capacityOnSite: 40,
			perMunicipalityOnSite: 3,
			focusAreas: [3],
			signUps: { kind: 'share', share: 0.7, by: 'contact_person' },
			arrangements: { 'Kerttu Koskela': 'Gluteeniton ruokavalio' },
			cancels: ['Olli Oikarinen']
		},
		{
			...blank,
			key: 'uso8-yhdyshenkilot-2',
			season: 8,
			type: 'contact_person_meeting',
			format: 'online',
			titleFi: 'Yhdyshenkilötapaaminen: tilanneanalyysin tulokset',
			descriptionFi:
				'Verkoston tilanneanalyysin yhteenveto ja sen käyttö työpajojen suuntaamisessa.',
			startsAt: at(day(60), '13:00'),
			endsAt: at(day(60), '14:30'),
			signUpOpensAt: opened(5),
			signUpClosesAt: null,
			cancellationDeadline: null,
			...ONLINE,
			onlineUrl: 'https://meet.example.fi/uso8/yhdyshenkilot-2',
			capacityOnSite: null,
			focusAreas: [],
			signUps: { kind: 'share', share: 0.4, by: 'self' }
		},
		{
			...blank,
			key: 'uso8-tyoseminaari-2',
			season: 8,
			type: 'work_seminar',
			format: 'on_site',
			titleFi: 'Työseminaari: talouden sopeuttaminen ja palveluverkko',
			descriptionFi:
				'Kehittäjien ja yhdyshenkilöiden työpäivä: talousohjelman valmistelu, palveluverkkoselvitykset ja vaikutusten arviointi.',
			...held(day(45), '09:00', '15:00', {
				opensDaysBefore: 30,
				closesDaysBefore: 7,
				cancelDaysBefore: 3
			}),
			...TAMPERE_TALO,
			onlineUrl: null,
			capacityOnSite: 30,
			focusAreas: [2],
			signUps: { kind: 'none' }
		},
		{
			...blank,
			key: 'uso8-seminaari-3',
			season: 8,
			type: 'seminar',
			format: 'hybrid',
			titleFi: 'Työllisyysalue ja kunta: yhteinen elinvoimatyö',
			titleSv: 'Sysselsättningsområdet och kommunen: gemensamt livskraftsarbete',
			titleEn: 'The employment area and the municipality: working together for vitality',
			descriptionFi:
				'Kauden kolmas seminaari: työllisyysalueiden ja kuntien elinvoimatyön yhteensovittaminen, yritysyhteistyö ja osaavan työvoiman saatavuus.',
			...held(day(120), '09:30', '15:30', SEMINAR_WINDOW),
			...KUNTATALO,
			onlineUrl: 'https://meet.example.fi/uso8/seminaari-3',
			capacityOnSite: 60,
			focusAreas: [1, 3],
			signUps: { kind: 'none' }
		}
	];
}
