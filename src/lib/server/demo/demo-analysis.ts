/**
 * The demo's situation analysis (issue 9, "Demo data") as pure data: USO 7's questionnaire on
 * its three focus areas, how each member stands in them, and who of its people answered.
 * seed-analysis.ts runs it through the use cases (publish, open, save answers, close), so the
 * respondents' scores and the members' section means are what the rules make of the answers.
 *
 * The story: Vaala answered in January 2023, before its first workshop. Its people saw a
 * strategy without an implementation plan (strategic leadership), an unsettled relation with
 * the new wellbeing services county, and no vitality programme (employment and vitality):
 * below the network in all three, lowest in the third. Its five workshops follow that order
 * (demo-workshops.ts): the strategy's implementation plan in March, cooperation with the
 * county in May, then three on tourism and vitality; one more, the strategy's review, in 2024.
 *
 * Keys are fixed (not random as the editor makes them), so that later seasons and tests can
 * name a section. Every text is our own; people are fictional.
 */

export interface DemoText {
	fi: string;
	sv: string;
	en: string;
}

interface Base {
	key: string;
	text: DemoText;
	required?: boolean;
}

export type DemoQuestion =
	| (Base & { kind: 'scale'; weight: number })
	| (Base & {
			kind: 'single_choice';
			weight: number;
			options: readonly { text: DemoText; score: number | null }[];
	  })
	| (Base & { kind: 'multiple_choice'; maxChoices: number | null; options: readonly DemoText[] })
	| (Base & { kind: 'number'; min: number; max: number; integer: boolean; unit: 'count' | 'fte' })
	| (Base & { kind: 'free_text'; maxLength: number });

export interface DemoSection {
	key: string;
	/** Position (1-based) of the season's focus area. */
	focusArea: 1 | 2 | 3;
	title: DemoText;
	description: DemoText;
	questions: readonly DemoQuestion[];
}

const t = (fi: string, sv: string, en: string): DemoText => ({ fi, sv, en });

export const STRATEGY_SECTION = 's_de70000001';
export const COUNTY_SECTION = 's_de70000002';
export const VITALITY_SECTION = 's_de70000003';

/** USO 7's questionnaire: 25 questions, 18 of them scored, on the season's three focus areas. */
export const USO7_QUESTIONNAIRE: readonly DemoSection[] = [
	{
		key: STRATEGY_SECTION,
		focusArea: 1,
		title: t(
			'Strateginen johtaminen ja ennakointi',
			'Strategiskt ledarskap och framsynthet',
			'Strategic leadership and foresight'
		),
		description: t(
			'Miten kunnan strategia ohjaa päätöksiä ja miten tulevaa ennakoidaan.',
			'Hur kommunens strategi styr besluten och hur framtiden förutses.',
			'How the municipal strategy guides decisions and how the future is anticipated.'
		),
		questions: [
			{
				key: 'q_de71000001',
				kind: 'scale',
				weight: 2,
				required: true,
				text: t(
					'Kunnan strategia ohjaa talousarviota ja toiminnan suunnittelua.',
					'Kommunens strategi styr budgeten och verksamhetsplaneringen.',
					'The municipal strategy guides the budget and the planning of operations.'
				)
			},
			{
				key: 'q_de71000002',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Strategian toimenpiteille on nimetty vastuuhenkilöt ja aikataulu.',
					'Strategins åtgärder har ansvarspersoner och en tidtabell.',
					'The measures of the strategy have named owners and a schedule.'
				)
			},
			{
				key: 'q_de71000003',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Strategian toteutumista seurataan mittareilla, jotka raportoidaan valtuustolle.',
					'Strategins genomförande följs upp med mätare som rapporteras till fullmäktige.',
					'The implementation of the strategy is followed with indicators reported to the council.'
				)
			},
			{
				key: 'q_de71000004',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Luottamushenkilöt ja johtoryhmä tuntevat strategian kärjet samalla tavalla.',
					'De förtroendevalda och ledningsgruppen har samma bild av strategins tyngdpunkter.',
					'Elected officials and the management team share the same view of the strategy’s priorities.'
				)
			},
			{
				key: 'q_de71000005',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Väestö- ja palvelutarve-ennusteet ovat osa päätöksentekoa.',
					'Befolknings- och servicebehovsprognoser är en del av beslutsfattandet.',
					'Population and service need forecasts are part of decision-making.'
				)
			},
			{
				key: 'q_de71000006',
				kind: 'single_choice',
				weight: 2,
				required: true,
				text: t(
					'Kuinka usein strategian toteutumista arvioidaan?',
					'Hur ofta utvärderas strategins genomförande?',
					'How often is the implementation of the strategy assessed?'
				),
				options: [
					{ text: t('Ei lainkaan', 'Inte alls', 'Not at all'), score: 0 },
					{
						text: t(
							'Kerran valtuustokaudessa',
							'En gång per fullmäktigeperiod',
							'Once a council term'
						),
						score: 1
					},
					{ text: t('Kerran vuodessa', 'En gång per år', 'Once a year'), score: 2 },
					{
						text: t(
							'Useammin kuin kerran vuodessa',
							'Oftare än en gång per år',
							'More than once a year'
						),
						score: 3
					},
					{ text: t('En tiedä', 'Vet inte', 'I do not know'), score: null }
				]
			},
			{
				key: 'q_de71000007',
				kind: 'multiple_choice',
				maxChoices: null,
				text: t(
					'Mitä ennakoinnin keinoja kunnassa käytetään?',
					'Vilka metoder för framsynthet används i kommunen?',
					'Which foresight methods does the municipality use?'
				),
				options: [
					t('Väestöennusteet', 'Befolkningsprognoser', 'Population forecasts'),
					t('Skenaariotyö', 'Scenarioarbete', 'Scenario work'),
					t('Tulevaisuusverstaat', 'Framtidsverkstäder', 'Futures workshops'),
					t('Palvelutarpeen ennusteet', 'Prognoser för servicebehovet', 'Service need forecasts'),
					t('Ei mitään näistä', 'Ingen av dessa', 'None of these')
				]
			},
			{
				key: 'q_de71000008',
				kind: 'free_text',
				maxLength: 1000,
				text: t(
					'Mikä on strategian toimeenpanon suurin este?',
					'Vad är det största hindret för att genomföra strategin?',
					'What is the greatest obstacle to implementing the strategy?'
				)
			}
		]
	},
	{
		key: COUNTY_SECTION,
		focusArea: 2,
		title: t(
			'Yhteistyö hyvinvointialueen kanssa',
			'Samarbete med välfärdsområdet',
			'Cooperation with the wellbeing services county'
		),
		description: t(
			'Sote-palvelut siirtyivät hyvinvointialueille 1.1.2023: miten kunta ja alue toimivat yhdessä.',
			'Social- och hälsovården flyttades till välfärdsområdena 1.1.2023: hur kommunen och området arbetar tillsammans.',
			'Health and social services moved to the wellbeing services counties on 1 January 2023: how the municipality and the county work together.'
		),
		questions: [
			{
				key: 'q_de72000001',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Kunnalla ja hyvinvointialueella on sovitut yhteistyön rakenteet.',
					'Kommunen och välfärdsområdet har överenskomna strukturer för samarbete.',
					'The municipality and the county have agreed structures for cooperation.'
				)
			},
			{
				key: 'q_de72000002',
				kind: 'scale',
				weight: 2,
				required: true,
				text: t(
					'Kunnan hyvinvoinnin ja terveyden edistämisen työ on suunnitelmallista ja resursoitua.',
					'Kommunens arbete för att främja välfärd och hälsa är planerat och har resurser.',
					'The municipality’s work to promote wellbeing and health is planned and resourced.'
				)
			},
			{
				key: 'q_de72000003',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Tieto asukkaiden hyvinvoinnista kulkee hyvinvointialueen ja kunnan välillä.',
					'Information om invånarnas välfärd går mellan välfärdsområdet och kommunen.',
					'Information on residents’ wellbeing flows between the county and the municipality.'
				)
			},
			{
				key: 'q_de72000004',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Kunnan näkemys lähipalveluista otetaan huomioon alueen päätöksissä.',
					'Kommunens syn på närservicen beaktas i områdets beslut.',
					'The municipality’s view on local services is taken into account in the county’s decisions.'
				)
			},
			{
				key: 'q_de72000005',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Kunnan liikunta-, kulttuuri- ja nuorisopalvelut on kytketty alueen palveluihin.',
					'Kommunens idrotts-, kultur- och ungdomstjänster är kopplade till områdets tjänster.',
					'The municipality’s sports, culture and youth services are linked with the county’s services.'
				)
			},
			{
				key: 'q_de72000006',
				kind: 'single_choice',
				weight: 1,
				required: true,
				text: t(
					'Kuinka usein kunnan ja hyvinvointialueen johto tapaa?',
					'Hur ofta träffas kommunens och välfärdsområdets ledning?',
					'How often do the leaders of the municipality and the county meet?'
				),
				options: [
					{ text: t('Ei säännöllisesti', 'Inte regelbundet', 'Not regularly'), score: 0 },
					{ text: t('Kerran vuodessa', 'En gång per år', 'Once a year'), score: 1 },
					{
						text: t('2–3 kertaa vuodessa', '2–3 gånger per år', '2–3 times a year'),
						score: 2
					},
					{
						text: t(
							'Vähintään neljännesvuosittain',
							'Minst en gång i kvartalet',
							'At least every quarter'
						),
						score: 3
					},
					{ text: t('En tiedä', 'Vet inte', 'I do not know'), score: null }
				]
			},
			{
				key: 'q_de72000007',
				kind: 'number',
				min: 0,
				max: 50,
				integer: true,
				unit: 'count',
				text: t(
					'Kuinka monessa yhteisessä työryhmässä tai hankkeessa kunta on alueen kanssa?',
					'I hur många gemensamma arbetsgrupper eller projekt deltar kommunen med området?',
					'In how many joint working groups or projects does the municipality take part with the county?'
				)
			},
			{
				key: 'q_de72000008',
				kind: 'free_text',
				maxLength: 1000,
				text: t(
					'Missä yhteistyö toimii, missä ei?',
					'Var fungerar samarbetet, var inte?',
					'Where does the cooperation work, and where not?'
				)
			}
		]
	},
	{
		key: VITALITY_SECTION,
		focusArea: 3,
		title: t(
			'Työllisyys- ja elinvoimaekosysteemien johtaminen',
			'Ledning av ekosystem för sysselsättning och livskraft',
			'Leading employment and vitality ecosystems'
		),
		description: t(
			'Elinvoimatyö yritysten ja kumppanien kanssa sekä valmistautuminen TE-palvelujen siirtoon kunnille 2025.',
			'Livskraftsarbetet med företag och partner och förberedelserna för att arbets- och näringstjänsterna flyttas till kommunerna 2025.',
			'Vitality work with businesses and partners, and preparing for the transfer of employment services to municipalities in 2025.'
		),
		questions: [
			{
				key: 'q_de73000001',
				kind: 'scale',
				weight: 2,
				required: true,
				text: t(
					'Kunnalla on ajantasainen elinvoimaohjelma tai vastaava.',
					'Kommunen har ett aktuellt livskraftsprogram eller motsvarande.',
					'The municipality has an up-to-date vitality programme or the like.'
				)
			},
			{
				key: 'q_de73000002',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Yrittäjillä on kunnassa yksi selkeä yhteyshenkilö.',
					'Företagarna har en tydlig kontaktperson i kommunen.',
					'Entrepreneurs have one clear contact person in the municipality.'
				)
			},
			{
				key: 'q_de73000003',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Kunta valmistautuu TE-palvelujen siirtoon yhdessä naapurikuntien kanssa.',
					'Kommunen förbereder överföringen av arbets- och näringstjänsterna tillsammans med grannkommunerna.',
					'The municipality is preparing for the transfer of employment services together with its neighbours.'
				)
			},
			{
				key: 'q_de73000004',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Elinvoimatyötä tehdään yhdessä yritysten, oppilaitosten ja järjestöjen kanssa.',
					'Livskraftsarbetet görs tillsammans med företag, läroanstalter och organisationer.',
					'Vitality work is done together with businesses, educational institutions and associations.'
				)
			},
			{
				key: 'q_de73000005',
				kind: 'scale',
				weight: 1,
				required: true,
				text: t(
					'Elinvoiman kehitystä seurataan sovituilla mittareilla.',
					'Livskraftens utveckling följs upp med överenskomna mätare.',
					'The development of vitality is followed with agreed indicators.'
				)
			},
			{
				key: 'q_de73000006',
				kind: 'single_choice',
				weight: 1,
				required: true,
				text: t(
					'Miten kunnan elinvoimatyö on järjestetty?',
					'Hur är kommunens livskraftsarbete organiserat?',
					'How is the municipality’s vitality work organised?'
				),
				options: [
					{
						text: t('Vastuuta ei ole nimetty', 'Inget ansvar har utsetts', 'No one is responsible'),
						score: 0
					},
					{
						text: t(
							'Osana jonkun muuta tehtävää',
							'Som en del av någons andra uppgifter',
							'As part of someone’s other duties'
						),
						score: 1
					},
					{
						text: t(
							'Elinvoimajohtaja tai oma yksikkö',
							'Livskraftsdirektör eller egen enhet',
							'A vitality director or a unit of its own'
						),
						score: 3
					},
					{
						text: t(
							'Kehitysyhtiö tai seudullinen organisaatio',
							'Utvecklingsbolag eller regional organisation',
							'A development company or regional organisation'
						),
						score: 3
					}
				]
			},
			{
				key: 'q_de73000007',
				kind: 'multiple_choice',
				maxChoices: 3,
				text: t(
					'Mitkä ovat kunnan elinvoiman tärkeimmät vahvuudet? (enintään kolme)',
					'Vilka är kommunens viktigaste styrkor för livskraften? (högst tre)',
					'What are the main strengths of the municipality’s vitality? (at most three)'
				),
				options: [
					t('Matkailu', 'Turism', 'Tourism'),
					t('Teollisuus', 'Industri', 'Industry'),
					t('Alkutuotanto', 'Primärproduktion', 'Primary production'),
					t('Palvelut', 'Tjänster', 'Services'),
					t('Sijainti ja liikenneyhteydet', 'Läge och förbindelser', 'Location and transport'),
					t('Luonto ja asuinympäristö', 'Natur och boendemiljö', 'Nature and living environment')
				]
			},
			{
				key: 'q_de73000008',
				kind: 'number',
				min: 0,
				max: 200,
				integer: false,
				unit: 'fte',
				text: t(
					'Kuinka monta henkilötyövuotta kunta käyttää elinvoimatyöhön?',
					'Hur många årsverken använder kommunen för livskraftsarbete?',
					'How many person-years does the municipality spend on vitality work?'
				)
			},
			{
				key: 'q_de73000009',
				kind: 'free_text',
				maxLength: 1000,
				text: t(
					'Mitä kunnan elinvoimalle pitäisi tehdä seuraavaksi?',
					'Vad borde göras härnäst för kommunens livskraft?',
					'What should be done next for the municipality’s vitality?'
				)
			}
		]
	}
];

/**
 * How each USO 7 member stands in each section, 0–100 (strategy, county, vitality), before its
 * respondents' own views and the noise of single answers: the figure their answers lean to.
 * Vaala's is the story (above); the others spread around the middle with a strength each.
 */
export const USO7_LEVELS: Readonly<Record<string, readonly [number, number, number]>> = {
	'785': [36, 49, 28], // Vaala
	'205': [68, 58, 71], // Kajaani: a city with a vitality unit
	'777': [55, 46, 52], // Suomussalmi
	'615': [52, 57, 49], // Pudasjärvi
	'140': [63, 61, 58], // Iisalmi
	'244': [72, 64, 66], // Kempele: a growing municipality with its plans in order
	'743': [75, 66, 74], // Seinäjoki
	'434': [58, 63, 55], // Loviisa
	'599': [61, 70, 62], // Pedersöre
	'507': [49, 54, 47], // Mäntyharju
	'588': [44, 51, 42] // Pertunmaa
};

/**
 * Vaala's five respondents, from its demo people: the contact person first, then the municipal
 * manager, the council chair, the development coordinator and a board member.
 */
export const VAALA_RESPONDENTS = [
	'Helena Hallila',
	'Kerttu Koskela',
	'Tapio Tervo',
	'Riikka Rautio',
	'Mikko Mäkelä'
] as const;

/** People the other members invite besides their contact person and participant. */
export const EXTRA_RESPONDENTS: readonly { first: string; last: string; title: string }[] = [
	{ first: 'Anneli', last: 'Aaltonen', title: 'talousjohtaja' },
	{ first: 'Markku', last: 'Huttunen', title: 'sivistysjohtaja' },
	{ first: 'Tuula', last: 'Lindholm', title: 'elinkeinoasiamies' },
	{ first: 'Jari', last: 'Nieminen', title: 'tekninen johtaja' }
];

/** The Swedish titles of the extra respondents, for the members where Swedish is spoken. */
export const EXTRA_TITLES_SV: Readonly<Record<string, string>> = {
	talousjohtaja: 'ekonomidirektör',
	sivistysjohtaja: 'bildningsdirektör',
	elinkeinoasiamies: 'näringslivsombud',
	'tekninen johtaja': 'teknisk direktör'
};

/** Free-text answers by section: Vaala's own, then the others' (some answer, most do not). */
export const VAALA_FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
	q_de71000008: [
		'Strategia hyväksyttiin joulukuussa, mutta kukaan ei vielä tiedä, kuka tekee mitäkin.',
		'Strategian kärjet ovat hyvät, toimenpiteet puuttuvat.',
		'Pieni kunta yrittää tehdä kaikkea; pitäisi valita harvat asiat.'
	],
	q_de72000008: [
		'Terveysaseman aukiolo ja kotihoidon matkat huolestuttavat; emme tiedä, kenelle soittaa.',
		'Hyte-työ on kunnan omaa, mutta siitä ei ole suunnitelmaa.'
	],
	q_de73000009: [
		'Oulujärven matkailu on suurin mahdollisuutemme, mutta yrittäjät eivät tiedä, mitä kunta tekee.',
		'Elinvoimaohjelma tarvitaan ennen kuin TE-palvelut siirtyvät.',
		'Venesatamat ja reitit kuntoon.'
	]
};

export const OTHER_FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
	q_de71000008: [
		'Talouden sopeutus vie huomion strategialta.',
		'Mittarit puuttuvat, joten toteutumaa on vaikea seurata.',
		'Strategia on hyvä, mutta sitä ei käytetä talousarviossa.'
	],
	q_de72000008: [
		'Johdon tapaamiset toimivat, tiedonkulku arjessa ei.',
		'Hyvinvointikertomus tehtiin ensimmäistä kertaa yhdessä alueen kanssa.',
		'Lähipalvelujen muutoksista kuullaan liian myöhään.'
	],
	q_de73000009: [
		'Yrityspalvelut yhden luukun taakse.',
		'Työllisyysalueen sopimus on saatava valmiiksi ajoissa.',
		'Osaavan työvoiman saatavuus on suurin huolemme.'
	]
};

/** Pedersöre's respondents answer in Swedish. */
export const OTHER_FREE_TEXT_SV: Readonly<Record<string, readonly string[]>> = {
	q_de71000008: [
		'Strategin syns inte i budgeten.',
		'Vi saknar mätare för att följa upp strategin.'
	],
	q_de72000008: [
		'Ledningens möten fungerar, informationen i vardagen inte.',
		'Närservicen på svenska oroar oss.'
	],
	q_de73000009: [
		'Företagstjänsterna borde samlas på ett ställe.',
		'Tillgången på kunnig arbetskraft är vår största oro.'
	]
};

/**
 * Antti's summary of Vaala's USO 7 analysis and the workshop themes he recommended, one per
 * focus area in the order its workshops then took them (demo-workshops.ts).
 */
export const VAALA_SUMMARY = `Vaalan vastaajat tunnistavat uuden kuntastrategian, mutta sen tavoitteet eivät vielä näy toimialojen vuosisuunnittelussa eivätkä talousarvion mittareissa. Yhteistyö hyvinvointialueen kanssa on henkilöiden varassa: työnjako hyvinvoinnin ja terveyden edistämisessä on sopimatta. Elinvoiman osiossa huolena ovat työllisyyspalvelujen siirto työllisyysalueelle vuonna 2025 ja väestön väheneminen.

Kaikissa kolmessa osiossa Vaala jää verkoston alimman neljänneksen alle; hajonta vastaajien kesken on pieni, joten kuva on yhteinen. Suosittelen, että kunnan viisi työpajaa etenevät strategian jalkauttamisesta hyvinvointialueen yhteistyöhön ja elinvoimaan.`;

export const VAALA_RECOMMENDATIONS: readonly {
	focusArea: 1 | 2 | 3;
	title: string;
	text: string;
}[] = [
	{
		focusArea: 1,
		title: 'Strategian tavoitteet toimialojen vuosisuunnitteluun',
		text: 'Johtoryhmän ja toimialojen yhteinen työpaja: strategian tavoitteista mitattavat vuositavoitteet ja niiden seuranta talousarvioon.'
	},
	{
		focusArea: 2,
		title: 'Hyvinvointityön työnjako hyvinvointialueen kanssa',
		text: 'Kunnan ja hyvinvointialueen yhteyshenkilöiden työpaja: hyvinvointisuunnitelman vastuut, yhteiset mittarit ja tapaamisrytmi.'
	},
	{
		focusArea: 3,
		title: 'Kunnan rooli työllisyydenhoidossa vuodesta 2025',
		text: 'Työpaja työllisyysalueen valmistelusta: mitä kunta rahoittaa, mitä se tekee itse ja miten yrityspalvelut liittyvät siihen.'
	}
];

/**
 * USO 8's round (issue 9: "for two members an earlier season to compare"). The coordinator
 * starts USO 8's questionnaire from USO 7's (copy-previous-questionnaire.ts), so its sections
 * keep their keys and score alike, and points each section at the USO 8 focus area it now
 * belongs to: vitality and employment at the employment area, the county's cooperation at
 * finances and the service network, strategy and foresight at knowledge-based management.
 * Two members answer it early in the season, before their first USO 8 workshop: Vaala, whose
 * USO 7 workshops put its strategy to work and settled its cooperation with the county (up in
 * all three, most in strategy, still below the network's middle), and Kempele, whose vitality
 * grew while the county's cuts to local services strained the cooperation (one section down).
 */
export const USO8_SECTION_FOCUS_AREAS: Readonly<Record<string, 1 | 2 | 3>> = {
	[STRATEGY_SECTION]: 3,
	[COUNTY_SECTION]: 2,
	[VITALITY_SECTION]: 1
};

/** How the two USO 8 members stand, 0–100 (strategy, county, vitality), as USO7_LEVELS. */
export const USO8_LEVELS: Readonly<Record<string, readonly [number, number, number]>> = {
	'785': [54, 58, 41], // Vaala
	'244': [71, 52, 76] // Kempele
};

/** How many of the people who answered USO 7 answer USO 8 (the first ones, contact first). */
export const USO8_RESPONDENTS: Readonly<Record<string, number>> = { '785': 4, '244': 3 };

/** Vaala's free text in USO 8: the same questions, two years and five workshops later. */
export const VAALA_FREE_TEXT_USO8: Readonly<Record<string, readonly string[]>> = {
	q_de71000008: [
		'Toimeenpano-ohjelma on nyt olemassa, mutta mittarit kootaan yhä käsin.',
		'Talouden sopeutus kilpailee strategian toimien kanssa samoista ihmisistä.'
	],
	q_de72000008: [
		'Yhteyshenkilöt on nimetty ja tapaamme neljännesvuosittain; lähipalvelujen muutoksista kuullaan silti myöhään.',
		'Hyvinvointisuunnitelma tehtiin ensimmäistä kertaa yhdessä alueen kanssa.'
	],
	q_de73000009: [
		'Työllisyysalueen asiointipiste Vaalaan pysyvästi.',
		'Matkailuyrittäjien yhteinen markkinointi Oulujärven ympärillä.'
	]
};
