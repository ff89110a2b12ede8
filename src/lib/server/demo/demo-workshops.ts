import { helsinkiDate, type LocalDate } from '$lib/domain/helsinki-time';
import type { WorkshopFormat } from '$lib/domain/workshops/workshop-states';
import { addDays, at, weekday } from './demo-events';
import { USO7_MEMBERS } from './uso7';
import { NOT_CONTINUING } from './uso8';

/**
 * The demo's development workshops as plans (issue 8, "Demo data"): pure data and date
 * arithmetic; seed-workshops.ts runs them through the use cases, step by step in the order of
 * their moments, so that the entitlement, lateness and the audit log come out as they would
 * have in use.
 *
 * USO 7 (2023–2024): every active member has a workshop in every state — two held (notes,
 * outcomes, next steps, attendance, feedback), one cancelled by the network with its reason,
 * one cancelled late and one in time by the municipality, one agreed and never recorded, one
 * proposed and never agreed: five counted, none left. Vaala's five are its story: it used them
 * to put its new strategy to work (four held, one cancelled late), with one extra workshop
 * approved by the coordinator on top.
 *
 * USO 8 runs around the load day: Vaala has its five taken (two held, one held a few days ago
 * and not yet recorded, one coming, one proposed), so that one more can only be an extra; the
 * others have one held and one coming, and between them every other state, among them two
 * more held a week ago and waiting for the expert's record.
 */

export type DemoExpert = 'antti' | 'eeva';

export interface DemoWorkshopPlan {
	/** Stable name; journeys refer to workshops by it. */
	key: string;
	season: 7 | 8;
	code: string;
	experts: readonly DemoExpert[];
	/** Position (1-based) of the season's focus area. */
	focusArea: 1 | 2 | 3;
	format: WorkshopFormat;
	need: string;
	goal: string;
	strategyLink: string;
	preferredDates: string;
	/** The municipality's people invited, by name (the first is the contact person). */
	participants: readonly string[];
	/** Proposed beyond the entitlement; agreeing it is the coordinator's approval. */
	extra?: boolean;
	proposedAt: Date;
	/** Agreed on this moment for `day`, from `from` to `to` (Helsinki). */
	agreed?: { at: Date; day: LocalDate; from: string; to: string };
	/** Held and recorded by the expert the next morning. */
	record?: { notes: string; outcomes: string; nextSteps: string; absent?: readonly string[] };
	cancel?: {
		at: Date;
		by: 'municipality' | 'network';
		reason: string;
		/** What the rules must make of it: the seed stops if they do not. */
		expect: 'municipality_in_time' | 'municipality_late' | 'network';
	};
}

/** Where each member's on-site workshops are held. */
export const WORKSHOP_PLACES: Readonly<Record<string, string>> = {
	'785': 'Vaalan kunnantalo, valtuustosali',
	'205': 'Kajaanin kaupungintalo, kokoushuone Kainuu',
	'777': 'Suomussalmen kunnantalo',
	'615': 'Pudasjärven kaupungintalo',
	'140': 'Iisalmen kulttuurikeskus',
	'244': 'Kempeleen kunnantalo',
	'743': 'Seinäjoen kaupungintalo',
	'434': 'Loviisan kaupungintalo – Lovisa stadshus',
	'599': 'Pedersören kunnantalo – Pedersöre kommungård',
	'507': 'Mäntyharjun kunnantalo',
	'588': 'Pertunmaan kunnantalo'
};

/** Antti works from Oulu for the northern members, Eeva from Helsinki for the others. */
const NORTH = new Set(['785', '205', '777', '615', '140', '244']);
const expertOf = (code: string): DemoExpert[] => (NORTH.has(code) ? ['antti'] : ['eeva']);

/** The member's first people by name: its contact person and participant (Vaala has more). */
function peopleOf(code: string, count = 3): string[] {
	const member = USO7_MEMBERS.find((m) => m.code === code)!;
	return member.people.slice(0, count).map((p) => p.name);
}

interface Topic {
	focusArea: 1 | 2 | 3;
	need: string;
	goal: string;
	strategyLink: string;
	notes: string;
	outcomes: string;
	nextSteps: string;
}

/** USO 7's topics, taken in turn by the members; focus areas as in uso7.ts. */
const USO7_TOPICS: readonly Topic[] = [
	{
		focusArea: 1,
		need: 'Kuntastrategian tavoitteet eivät vielä ohjaa toimialojen vuosisuunnittelua.',
		goal: 'Strategian kärjet talousarvion ja toimialojen tavoitteiden pohjaksi.',
		strategyLink: 'Kuntastrategia: kolme strategista päämäärää',
		notes:
			'Johtoryhmä ja kunnanhallituksen puheenjohtajisto kävivät strategian päämäärät läpi toimialoittain. Keskustelussa nousi esiin, että mittareita on liikaa ja osa ei kerro päämäärien toteutumisesta.',
		outcomes:
			'Kullekin päämäärälle valittiin kaksi mittaria ja vastuuhenkilö. Toimialat kirjaavat vuoden tavoitteensa samalla pohjalla.',
		nextSteps: 'Talousjohtaja tuo mittarit kunnanhallitukselle; toimialojen tavoitteet syyskuussa.'
	},
	{
		focusArea: 2,
		need: 'Hyvinvoinnin ja terveyden edistämisen työnjako hyvinvointialueen kanssa on epäselvä.',
		goal: 'Yhteinen näkemys kunnan ja hyvinvointialueen hyte-työn vastuista ja yhteyshenkilöistä.',
		strategyLink: 'Hyvinvointikertomus ja -suunnitelma',
		notes:
			'Mukana olivat sivistys- ja vapaa-aikatoimen johto sekä hyvinvointialueen aluekoordinaattori. Kuvasimme nykyiset yhteiset asiakasryhmät ja kohdat, joissa tieto ei kulje.',
		outcomes:
			'Sovittiin neljännesvuosittaisesta hyte-tapaamisesta ja nimettiin kummaltakin puolelta yhteyshenkilöt.',
		nextSteps: 'Luonnos yhteistyösopimuksen liitteeksi kunnanhallitukselle.'
	},
	{
		focusArea: 3,
		need: 'Työllisyyspalvelujen siirtyminen työllisyysalueelle vuonna 2025 muuttaa kunnan roolia.',
		goal: 'Kunnan oma työllisyydenhoidon tahtotila ja tehtävät siirtymän jälkeen.',
		strategyLink: 'Elinvoimaohjelma: työllisyys ja osaaminen',
		notes:
			'Kävimme läpi TE24-uudistuksen aikataulun ja työllisyysalueen valmistelun tilanteen. Ryhmätöissä kunnan omat palvelut jaettiin siirtyviin, jääviin ja yhteisiin.',
		outcomes:
			'Luettelo kunnan työllisyyspalveluista siirtymän jälkeen ja kolme asiaa, jotka kunta haluaa alueen sopimukseen.',
		nextSteps: 'Kunnanjohtaja vie kunnan tavoitteet työllisyysalueen valmisteluryhmään.'
	},
	{
		focusArea: 1,
		need: 'Väestöennuste näyttää laskua, mutta palveluverkon suunnittelu tehdään vuosi kerrallaan.',
		goal: 'Ennakointiin perustuva pitkän aikavälin näkymä palveluverkkoon.',
		strategyLink: 'Kuntastrategian painopiste: kestävä talous',
		notes:
			'Kolme skenaariota vuoteen 2035: väestö, tulopohja ja palvelutarve. Osallistujat arvioivat, mitkä päätökset on tehtävä jo tällä valtuustokaudella.',
		outcomes: 'Skenaariot ja niiden päätöskohdat kirjattiin strategian liitteeksi.',
		nextSteps: 'Valtuustoseminaari skenaarioista syksyllä.'
	},
	{
		focusArea: 3,
		need: 'Yritysten kanssa ei ole säännöllistä foorumia, ja elinkeinotyö on yhden henkilön varassa.',
		goal: 'Elinkeinoyhteistyön malli: kuka tapaa ketä ja kuinka usein.',
		strategyLink: 'Elinvoimaohjelma: yritysyhteistyö',
		notes:
			'Paikalla kunnan johto ja viisi yrittäjäjärjestön edustajaa. Yrittäjät toivoivat nopeampaa vastausta kaavoitus- ja lupa-asioissa.',
		outcomes:
			'Sovittiin yritysfoorumista kahdesti vuodessa ja kunnan yrityspalvelujen yhdestä luukusta.',
		nextSteps: 'Ensimmäinen yritysfoorumi keväällä; kehittämisjohtaja kokoaa asialistan.'
	},
	{
		focusArea: 2,
		need: 'Lasten ja nuorten palvelut jakautuvat kunnan ja hyvinvointialueen kesken, asiakas putoaa väliin.',
		goal: 'Yhteinen palvelupolku koulun ja hyvinvointialueen palvelujen välille.',
		strategyLink: 'Lasten ja nuorten hyvinvointisuunnitelma',
		notes:
			'Rehtorit, opiskeluhuolto ja hyvinvointialueen perhepalvelut kuvasivat kolme todellista (nimetöntä) tapausta alusta loppuun.',
		outcomes: 'Palvelupolun luonnos ja yhteinen konsultaatioaika kouluille.',
		nextSteps: 'Palvelupolku kokeiluun kahdessa koulussa ensi lukuvuonna.'
	}
];

/** Reasons a municipality gives when it cancels. */
const LATE_REASONS = [
	'Kunnanhallituksen ylimääräinen kokous talouden sopeutuksesta samana päivänä.',
	'Johtoryhmästä puolet sairastui; työpaja ei olisi palvellut tarkoitustaan.',
	'Valtuuston iltakoulu siirtyi samalle päivälle.'
];
const IN_TIME_REASONS = [
	'Aihe käsitellään seutukunnan yhteisessä tilaisuudessa.',
	'Kunnan organisaatiouudistus muuttaa aikataulua; uusi ehdotus myöhemmin.'
];
const NETWORK_REASONS = [
	'Asiantuntija sairastui; verkosto tarjoaa uutta aikaa.',
	'Asiantuntijan matka peruuntui junaliikenteen häiriön vuoksi.'
];

const d = (date: LocalDate, time = '10:00') => at(date, time);

/**
 * Vaala's USO 7: its strategy "Vaala 2030 – elinvoimaa Oulujärven rannalta" adopted by the
 * council in December 2022, put to work in five workshops. Fictional; our own words.
 */
function vaalaUso7(): DemoWorkshopPlan[] {
	const base = {
		season: 7 as const,
		code: '785',
		experts: ['antti'] as DemoExpert[],
		format: 'on_site' as const,
		strategyLink: 'Vaala 2030 – elinvoimaa Oulujärven rannalta (valtuusto 12/2022)',
		participants: ['Helena Hallila', 'Mikko Mäkelä', 'Kerttu Koskela', 'Tapio Tervo']
	};
	return [
		{
			...base,
			key: '785-7-strategy',
			focusArea: 1,
			need: 'Valtuuston hyväksymä strategia on yleisellä tasolla; johtoryhmällä ei ole yhteistä toimeenpanosuunnitelmaa.',
			goal: 'Strategian kolmelle kärjelle vastuuhenkilöt, toimenpiteet ja aikataulu.',
			preferredDates: 'Maaliskuu, tiistaisin tai keskiviikkoisin',
			proposedAt: d('2023-01-25'),
			agreed: { at: d('2023-02-08'), day: '2023-03-14', from: '09:00', to: '13:00' },
			record: {
				notes:
					'Strategian kärjet ovat elinvoima (matkailu ja Oulujärvi), hyvinvoiva arki ja vastuullinen talous. Kärjet purettiin toimenpiteiksi kolmessa ryhmässä. Keskustelussa todettiin, että pienen kunnan on valittava harvat asiat, joihin se panostaa.',
				outcomes:
					'Toimeenpanosuunnitelman runko: yhdeksän toimenpidettä, kullekin vastuuhenkilö johtoryhmästä ja vuosi. Mittareiksi valittiin matkailijayöt, väestön muuttoliike ja vuosikate.',
				nextSteps:
					'Hallintojohtaja viimeistelee suunnitelman kunnanhallitukselle huhtikuussa. Seuraava työpaja hyvinvointialueyhteistyöstä.'
			}
		},
		{
			...base,
			key: '785-7-county',
			focusArea: 2,
			need: 'Sote-palvelut siirtyivät Pohjois-Pohjanmaan hyvinvointialueelle; kunnan ja alueen yhteistyö on vielä sopimatta.',
			goal: 'Yhteistyön käytännöt: kunnan hyte-työ, lähipalvelut ja yhteiset tapaamiset.',
			preferredDates: 'Toukokuu',
			proposedAt: d('2023-03-20'),
			agreed: { at: d('2023-04-04'), day: '2023-05-23', from: '12:00', to: '15:30' },
			record: {
				notes:
					'Mukana hyvinvointialueen aluejohtaja etäyhteydellä. Vaalan huoli on lähipalvelujen säilyminen: terveysaseman aukiolo ja kotihoidon matkat. Kunnan oma rooli on hyte-työ, liikunta ja kulttuuri.',
				outcomes:
					'Sovittiin kunnan ja alueen johdon tapaamisista kahdesti vuodessa ja yhteisestä hyvinvointikatsauksesta valtuustolle.',
				nextSteps:
					'Ensimmäinen johdon tapaaminen syyskuussa; hyvinvointikoordinaattori kokoaa tiedot.'
			}
		},
		{
			...base,
			key: '785-7-tourism-network',
			focusArea: 3,
			need: 'Matkailuyritykset toivovat kunnalta selkeämpää roolia Oulujärven matkailun kehittämisessä.',
			goal: 'Kunnan ja yritysten yhteinen matkailun kehittämissuunnitelma.',
			preferredDates: 'Syyskuu',
			proposedAt: d('2023-06-01'),
			agreed: { at: d('2023-06-14'), day: '2023-09-19', from: '09:00', to: '12:00' },
			cancel: {
				at: d('2023-09-12', '14:00'),
				by: 'network',
				reason: NETWORK_REASONS[0]!,
				expect: 'network'
			}
		},
		{
			...base,
			key: '785-7-tourism-late',
			focusArea: 3,
			need: 'Matkailuyritykset toivovat kunnalta selkeämpää roolia Oulujärven matkailun kehittämisessä.',
			goal: 'Kunnan ja yritysten yhteinen matkailun kehittämissuunnitelma (verkoston perumaa tilalle).',
			preferredDates: 'Lokakuu',
			proposedAt: d('2023-09-14'),
			agreed: { at: d('2023-09-20'), day: '2023-10-24', from: '09:00', to: '12:00' },
			cancel: {
				at: d('2023-10-18', '16:00'),
				by: 'municipality',
				reason: LATE_REASONS[0]!,
				expect: 'municipality_late'
			}
		},
		{
			...base,
			key: '785-7-hyte',
			focusArea: 2,
			need: 'Liikuntapaikkojen ja kulttuuripalvelujen käyttö ei näy hyvinvointikertomuksessa.',
			goal: 'Hyvinvointikertomukseen kunnan omat mittarit.',
			preferredDates: 'Tammikuu',
			proposedAt: d('2023-11-01'),
			cancel: {
				at: d('2023-11-20', '11:00'),
				by: 'municipality',
				reason:
					'Aihe käsitellään Pohjois-Pohjanmaan hyvinvointialueen yhteisessä hyte-seminaarissa.',
				expect: 'municipality_in_time'
			}
		},
		{
			...base,
			key: '785-7-vitality',
			focusArea: 3,
			need: 'Matkailun kehittäminen jäi syksyllä kesken, ja TE-palvelujen siirto työllisyysalueelle lähestyy.',
			goal: 'Elinvoimaohjelma: matkailu, yrityspalvelut ja kunnan rooli työllisyysalueella.',
			preferredDates: 'Tammikuun loppu',
			proposedAt: d('2023-11-22'),
			agreed: { at: d('2023-12-05'), day: '2024-01-30', from: '09:00', to: '13:00' },
			record: {
				notes:
					'Paikalla johtoryhmä, kunnanhallituksen puheenjohtaja ja neljä matkailuyrittäjää. Yrittäjät toivat esiin kausityövoiman saatavuuden ja venesatamien kunnon. Työllisyysalueen valmistelusta kerrottiin Kajaanin ja Oulun seudun tilanne.',
				outcomes:
					'Elinvoimaohjelman kolme kärkeä: Oulujärven matkailureitit, yrityspalvelujen yksi yhteyshenkilö ja työllisyysalueen sopimukseen kirjattavat lähipalvelut.',
				nextSteps:
					'Elinvoimaohjelma kunnanhallitukseen maaliskuussa; venesatamien korjaukset talousarvioon 2025.',
				absent: ['Tapio Tervo']
			}
		},
		{
			...base,
			key: '785-7-review',
			focusArea: 1,
			need: 'Strategian ensimmäinen vuosi on takana; valtuusto haluaa tietää, mitä on saatu aikaan.',
			goal: 'Strategian väliarvio valtuustolle ja toimenpiteiden päivitys.',
			preferredDates: 'Toukokuu, ennen valtuuston kesäkokousta',
			proposedAt: d('2024-03-05'),
			agreed: { at: d('2024-03-19'), day: '2024-05-14', from: '09:00', to: '12:00' },
			record: {
				notes:
					'Yhdeksästä toimenpiteestä kuusi on käynnissä, kaksi valmiina, yksi (kotihoidon matka-ajat) hyvinvointialueen päätösten varassa. Matkailijayöt kasvoivat 12 %, muuttoliike oli edelleen tappiollinen, vuosikate heikkeni.',
				outcomes:
					'Väliarvio valtuustolle ja kaksi uutta toimenpidettä: paluumuuttajien vastaanotto ja etätyöpisteet kunnantalolle.',
				nextSteps: 'Väliarvio valtuuston kesäkuun kokoukseen; seuraava arvio vuoden päästä.'
			}
		},
		{
			...base,
			key: '785-7-extra',
			extra: true,
			focusArea: 1,
			need: 'Talouden sopeutusohjelma on tehtävä nopeasti, ja se on sovitettava strategian kärkiin.',
			goal: 'Sopeutusohjelman vaihtoehdot, jotka eivät vie pohjaa strategian kärjiltä.',
			preferredDates: 'Lokakuun alku',
			proposedAt: d('2024-08-20'),
			agreed: { at: d('2024-09-02'), day: '2024-10-08', from: '09:00', to: '15:00' },
			record: {
				notes:
					'Kunnanhallitus ja johtoryhmä yhdessä. Vaihtoehdot arvioitiin strategian kolmen kärjen kautta: mikä säästö heikentää elinvoimaa, mikä hyvinvointia.',
				outcomes:
					'Sopeutusohjelman kahdeksan toimenpidettä, yhteensä 0,6 miljoonaa euroa kolmessa vuodessa; matkailun ja hyte-työn määrärahat rajattiin säästöjen ulkopuolelle.',
				nextSteps: 'Sopeutusohjelma valtuustolle marraskuussa talousarvion yhteydessä.'
			}
		}
	];
}

/** USO 7's other active members: every state each, their days a little apart. */
function othersUso7(): DemoWorkshopPlan[] {
	const codes = USO7_MEMBERS.filter((m) => m.state === 'active' && m.code !== '785').map(
		(m) => m.code
	);
	return codes.flatMap((code, i): DemoWorkshopPlan[] => {
		const shift = (date: LocalDate) => weekday(addDays(date, 2 * i));
		const topic = (slot: number) => USO7_TOPICS[(i + slot) % USO7_TOPICS.length]!;
		const base = (slot: number) => {
			const t = topic(slot);
			return {
				season: 7 as const,
				code,
				experts: expertOf(code),
				focusArea: t.focusArea,
				format: (slot === 2 ? 'online' : 'on_site') as WorkshopFormat,
				need: t.need,
				goal: t.goal,
				strategyLink: t.strategyLink,
				preferredDates: '',
				participants: peopleOf(code)
			};
		};
		const record = (slot: number, absent: string[] = []) => ({
			notes: topic(slot).notes,
			outcomes: topic(slot).outcomes,
			nextSteps: topic(slot).nextSteps,
			absent
		});
		// Kajaani's second workshop is the day after Vaala's of January 2024: Antti's journey serves both
		const heldBDay = code === '205' ? '2024-01-31' : shift('2023-11-14');
		const lateDay = shift('2024-02-13');
		const inTimeDay = shift('2024-05-21');
		return [
			{
				...base(0),
				key: `${code}-7-held-a`,
				proposedAt: d(shift('2023-02-01')),
				agreed: {
					at: d(shift('2023-02-20')),
					day: shift('2023-04-18'),
					from: '09:00',
					to: '12:00'
				},
				record: record(0)
			},
			{
				...base(1),
				key: `${code}-7-network`,
				proposedAt: d(shift('2023-05-02')),
				agreed: {
					at: d(shift('2023-05-22')),
					day: shift('2023-09-12'),
					from: '09:00',
					to: '12:00'
				},
				cancel: {
					at: d(addDays(shift('2023-09-12'), -7), '14:00'),
					by: 'network',
					reason: NETWORK_REASONS[i % NETWORK_REASONS.length]!,
					expect: 'network'
				}
			},
			{
				...base(2),
				key: `${code}-7-held-b`,
				proposedAt: d(shift('2023-09-05')),
				agreed: { at: d(shift('2023-09-25')), day: heldBDay, from: '12:00', to: '15:00' },
				record: record(2, i % 3 === 0 ? [peopleOf(code)[1]!] : [])
			},
			{
				...base(3),
				key: `${code}-7-late`,
				proposedAt: d(shift('2023-11-20')),
				agreed: { at: d(shift('2023-12-11')), day: lateDay, from: '09:00', to: '12:00' },
				cancel: {
					at: d(addDays(lateDay, -5), '15:00'),
					by: 'municipality',
					reason: LATE_REASONS[i % LATE_REASONS.length]!,
					expect: 'municipality_late'
				}
			},
			{
				...base(4),
				key: `${code}-7-in-time`,
				proposedAt: d(shift('2024-01-15')),
				agreed: { at: d(shift('2024-02-05')), day: inTimeDay, from: '09:00', to: '12:00' },
				cancel: {
					at: d(addDays(inTimeDay, -35)),
					by: 'municipality',
					reason: IN_TIME_REASONS[i % IN_TIME_REASONS.length]!,
					expect: 'municipality_in_time'
				}
			},
			{
				...base(5),
				key: `${code}-7-agreed`,
				proposedAt: d(shift('2024-05-06')),
				agreed: { at: d(shift('2024-05-27')), day: shift('2024-11-12'), from: '09:00', to: '12:00' }
			},
			{
				...base(1),
				key: `${code}-7-proposed`,
				preferredDates: 'Joulukuu tai tammikuu',
				proposedAt: d(shift('2024-09-16'))
			}
		];
	});
}

/** USO 8's topics; focus areas as in uso8.ts. */
const USO8_TOPICS: readonly Topic[] = [
	{
		focusArea: 1,
		need: 'Työllisyysalue aloitti, mutta kunnan omat työllisyystoimet ja alueen palvelut eivät vielä kohtaa.',
		goal: 'Kunnan ja työllisyysalueen yhteinen vuosikello ja tiedonkulku.',
		strategyLink: 'Elinvoimaohjelma: työllisyys',
		notes:
			'Työllisyysalueen palvelupäällikkö esitteli alueen palvelumallin. Kunnan edustajat kuvasivat, missä asiakkaat nyt asioivat ja missä tieto katkeaa.',
		outcomes:
			'Yhteinen vuosikello ja nimetyt yhteyshenkilöt yrityspalveluihin ja nuorten palveluihin.',
		nextSteps: 'Ensimmäinen yhteinen yritystapaaminen; seuranta puolen vuoden päästä.'
	},
	{
		focusArea: 2,
		need: 'Talouden tasapainottaminen vaatii palveluverkon tarkastelua, eikä päätöksille ole yhteistä pohjaa.',
		goal: 'Palveluverkkoselvityksen kriteerit ja aikataulu.',
		strategyLink: 'Talouden tasapainotusohjelma',
		notes:
			'Luottamushenkilöt ja johtoryhmä arvioivat kriteerejä: saavutettavuus, kiinteistöjen kunto, käyttöaste ja kustannukset. Vaikeimmaksi koettiin kyläkoulujen tarkastelu.',
		outcomes: 'Viisi kriteeriä painotuksineen ja selvityksen aikataulu.',
		nextSteps: 'Selvitys valmistuu syksyllä; asukastilaisuudet ennen päätöksiä.'
	},
	{
		focusArea: 3,
		need: 'Tietoa on paljon, mutta johtoryhmä ei saa siitä kuukausittain kuvaa päätösten tueksi.',
		goal: 'Johdon tilannekuva: kymmenen mittaria ja niiden lähteet.',
		strategyLink: 'Kuntastrategia: tiedolla johtaminen',
		notes:
			'Kävimme läpi nykyiset raportit ja niiden käyttäjät. Tekoälyn käyttöä kokeiltiin valtuustoaloitteiden tiivistämisessä.',
		outcomes: 'Mittariston luonnos ja periaatteet tekoälyn käytölle valmistelussa.',
		nextSteps: 'Mittaristo johtoryhmän käyttöön kuukauden päästä; tekoälyohje hallintosääntöön.'
	}
];

/** USO 8 around the load day `today` (Helsinki). */
function uso8(today: LocalDate): DemoWorkshopPlan[] {
	const day = (offset: number) => weekday(addDays(today, offset));
	const vaala = {
		season: 8 as const,
		code: '785',
		experts: ['antti'] as DemoExpert[],
		strategyLink: 'Vaala 2030 – elinvoimaa Oulujärven rannalta',
		preferredDates: '',
		participants: ['Helena Hallila', 'Mikko Mäkelä', 'Kerttu Koskela']
	};
	const plans: DemoWorkshopPlan[] = [
		{
			...vaala,
			key: '785-8-employment',
			focusArea: 1,
			format: 'on_site',
			need: 'Kainuun ja Oulun seudun työllisyysalueet ovat aloittaneet; Vaalan asukkaiden palvelut ovat kaukana.',
			goal: 'Lähipalvelujen malli Vaalaan työllisyysalueen kanssa.',
			proposedAt: d(addDays(today, -150)),
			agreed: { at: d(addDays(today, -135)), day: day(-110), from: '09:00', to: '12:00' },
			record: {
				notes:
					'Työllisyysalueen edustaja kertoi etäpalvelujen käytöstä. Vaalan toive on asiointipiste kunnantalolle kahtena päivänä kuussa.',
				outcomes: 'Asiointipisteen kokeilu sovittiin puoleksi vuodeksi.',
				nextSteps: 'Kokeilu alkaa seuraavan kuun alussa; arvio kuuden kuukauden päästä.'
			}
		},
		{
			...vaala,
			key: '785-8-finances',
			focusArea: 2,
			format: 'online',
			need: 'Sopeutusohjelman toimet eivät riitä; palveluverkko on katsottava uudelleen.',
			goal: 'Palveluverkon vaihtoehdot valtuustolle.',
			proposedAt: d(addDays(today, -95)),
			agreed: { at: d(addDays(today, -80)), day: day(-50), from: '13:00', to: '15:30' },
			record: {
				notes: 'Kävimme läpi kolme vaihtoehtoa kiinteistöjen ja kyläkoulun osalta.',
				outcomes: 'Vaihtoehdot ja niiden vaikutusten arviointi valtuustoseminaariin.',
				nextSteps: 'Valtuustoseminaari; asukastilaisuus ennen päätöstä.',
				absent: ['Kerttu Koskela']
			}
		},
		{
			...vaala,
			key: '785-8-knowledge',
			focusArea: 3,
			format: 'on_site',
			need: 'Strategian mittarit kootaan käsin kerran vuodessa; johtoryhmä haluaa ne ajantasaisina.',
			goal: 'Strategian mittarit johtoryhmän kuukausittaiseen tilannekuvaan.',
			proposedAt: d(addDays(today, -60)),
			agreed: { at: d(addDays(today, -45)), day: day(-8), from: '09:00', to: '12:00' }
		},
		{
			...vaala,
			key: '785-8-coming',
			focusArea: 1,
			format: 'on_site',
			need: 'Asiointipisteen kokeilu päättyy; jatkosta on päätettävä yhdessä työllisyysalueen kanssa.',
			goal: 'Kokeilun arvio ja jatkon malli.',
			proposedAt: d(addDays(today, -40)),
			agreed: { at: d(addDays(today, -30)), day: day(25), from: '09:00', to: '12:00' }
		},
		{
			...vaala,
			key: '785-8-proposed',
			focusArea: 2,
			format: 'on_site',
			need: 'Talousarvion valmistelu alkaa; sopeutusohjelman toteutumista on arvioitava.',
			goal: 'Sopeutusohjelman arvio ja seuraavan vuoden linjaukset.',
			preferredDates: 'Kevään alku',
			proposedAt: d(addDays(today, -10))
		}
	];

	const others = USO7_MEMBERS.filter(
		(m) => m.state === 'active' && m.code !== '785' && !NOT_CONTINUING.has(m.code)
	).map((m) => m.code);
	others.forEach((code, i) => {
		const topic = (slot: number) => USO8_TOPICS[(i + slot) % USO8_TOPICS.length]!;
		const base = (slot: number) => ({
			season: 8 as const,
			code,
			experts: expertOf(code),
			focusArea: topic(slot).focusArea,
			format: 'on_site' as const,
			need: topic(slot).need,
			goal: topic(slot).goal,
			strategyLink: topic(slot).strategyLink,
			preferredDates: '',
			participants: peopleOf(code)
		});
		const o = 3 * i;
		plans.push(
			{
				...base(0),
				key: `${code}-8-held`,
				proposedAt: d(addDays(today, -150 + o)),
				agreed: { at: d(addDays(today, -130 + o)), day: day(-90 + o), from: '09:00', to: '12:00' },
				record: {
					notes: topic(0).notes,
					outcomes: topic(0).outcomes,
					nextSteps: topic(0).nextSteps
				}
			},
			{
				...base(1),
				key: `${code}-8-coming`,
				proposedAt: d(addDays(today, -60 + o)),
				agreed: { at: d(addDays(today, -45 + o)), day: day(20 + o), from: '09:00', to: '12:00' }
			}
		);
		if (code === '205' || code === '743') {
			plans.push({
				...base(2),
				key: `${code}-8-unrecorded`,
				proposedAt: d(addDays(today, -70)),
				agreed: { at: d(addDays(today, -50)), day: day(-9), from: '12:00', to: '15:00' }
			});
		}
		if (code === '140' || code === '434') {
			plans.push({
				...base(2),
				key: `${code}-8-proposed`,
				preferredDates: 'Mahdollisimman pian',
				proposedAt: d(addDays(today, -20 + i))
			});
		}
		if (code === '615') {
			plans.push({
				...base(2),
				key: `${code}-8-network`,
				proposedAt: d(addDays(today, -120)),
				agreed: { at: d(addDays(today, -100)), day: day(-30), from: '09:00', to: '12:00' },
				cancel: {
					at: d(addDays(today, -37), '14:00'),
					by: 'network',
					reason: NETWORK_REASONS[1]!,
					expect: 'network'
				}
			});
		}
		if (code === '244') {
			plans.push({
				...base(2),
				key: `${code}-8-in-time`,
				proposedAt: d(addDays(today, -50)),
				cancel: {
					at: d(addDays(today, -40)),
					by: 'municipality',
					reason: IN_TIME_REASONS[1]!,
					expect: 'municipality_in_time'
				}
			});
		}
		if (code === '507') {
			plans.push({
				...base(2),
				key: `${code}-8-late`,
				proposedAt: d(addDays(today, -70)),
				agreed: { at: d(addDays(today, -60)), day: day(-20), from: '09:00', to: '12:00' },
				cancel: {
					at: d(addDays(today, -24), '15:00'),
					by: 'municipality',
					reason: LATE_REASONS[2]!,
					expect: 'municipality_late'
				}
			});
		}
	});
	return plans;
}

/** Every workshop of the demo, loaded at `now`. */
export function demoWorkshopPlans(now: Date): DemoWorkshopPlan[] {
	return [...vaalaUso7(), ...othersUso7(), ...uso8(helsinkiDate(now))];
}
