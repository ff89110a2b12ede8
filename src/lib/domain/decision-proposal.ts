/**
 * The decision proposal (päätösehdotus) a municipality's board is asked to approve when it
 * joins a season of a network, drafted from the season's data. Modelled on the item of
 * Vaala's board minutes in `shared/seed/` (USO network, 7th season, 2023–2024).
 *
 * Names given by the user (municipality, network, titles, tier names, themes) are never
 * inflected: Finnish and Swedish case endings on arbitrary names go wrong too often, so each
 * sentence is phrased to keep them in the nominative or to attach only a fixed ending to a
 * fixed word ("-verkoston", "-nätverkets").
 */
import type { Locale } from '../i18n/locales';
import { ATTENDANCE_GROUPS, type AttendanceGroup } from './positions';

export interface ProposalInput {
	locale: Locale;
	/** Already in the chosen language, as the network stores it ("… (USO) -verkosto"). */
	network: { name: string; shortName: string };
	season: {
		number: number;
		/** yyyy-mm-dd */
		startsOn: string;
		/** yyyy-mm-dd */
		endsOn: string;
		leadTheme: string;
		description: string;
		focusAreas: string[];
		/** How many of each joint activity: null = held without a set number, 0 = not held. */
		programme: {
			seminars: number | null;
			workSeminars: number | null;
			contactPersonMeetings: number | null;
			currentAffairsReviews: number | null;
			peerDiscussions: number | null;
			developmentEvents: number | null;
		};
		workshopsPerMunicipality: number;
		situationAnalysesPerMunicipality: number;
		hasPresentation: boolean;
	};
	/** Name in the chosen language. */
	municipality: { name: string; code: string; population: number | null };
	fee: {
		tierName: string;
		yearlyFeeCents: number;
		vatTreatment: 'vat_exempt' | 'vat_standard';
	} | null;
	/** The deciding body as the user wrote it: "kunnanhallitus", "kommunstyrelsen", "municipal board". */
	body: string;
	/** "kunnanjohtaja" */
	presenterTitle: string;
	/** "hallintojohtaja" */
	contactPersonTitle: string;
	onSiteGroups: AttendanceGroup[];
}

export interface ProposalDocument {
	/** "Osallistuminen USO-verkoston 7. kaudelle 2023–2024" */
	title: string;
	/** Paragraphs. */
	background: string[];
	/** Focus areas, the joint and the municipality-specific activities; empty lists left out. */
	sections: { heading: string; items: string[] }[];
	/**
	 * Paragraphs on the fee and the travel costs at actual cost; the note that the season's
	 * presentation is attached comes last, as it does in the seed, just before the presenter.
	 */
	fees: string[];
	/** "Esittelijä: kunnanjohtaja" */
	presenter: string;
	/** "Kunnanhallitus päättää, että" */
	proposalIntro: string;
	/** The decisions without their numbers; renderers number them "1)", "2)", … */
	proposalItems: string[];
}

type ProgrammeKey = keyof ProposalInput['season']['programme'];

/** An activity as a list item: with a count of one, with a larger count, or with none set. */
interface Counted {
	one: string;
	many: (count: string) => string;
	unspecified: string;
}

interface NetworkNames {
	/** The full name as it stands in running text, in the nominative. */
	full: string;
	/** The short name with the word for network, as the text needs it. */
	short: string;
}

interface LocaleText {
	/** Numbers 0–10 as words; larger numbers are written in digits. */
	numberWords: readonly string[];
	ordinal: (n: number) => string;
	network: (name: string, shortName: string) => NetworkNames;
	title: (n: NetworkNames, ordinal: string, period: string) => string;
	seasonStarts: (n: NetworkNames, ordinal: string, period: string) => string;
	leadTheme: (theme: string) => string;
	benefit: (municipality: string) => string;
	focusHeading: string;
	jointHeading: string;
	municipalHeading: string;
	programme: Record<ProgrammeKey, Counted>;
	/** Peer discussions and development events in one line, as the seed has them. */
	peerAndDevelopment: (peer: string, development: string) => string;
	workshops: Counted;
	situationAnalyses: Counted;
	fee: (n: NetworkNames, amount: string, tier: string, population: string | null) => string;
	euros: (amount: string, isOne: boolean) => string;
	vat: Record<'vat_exempt' | 'vat_standard', string>;
	travel: string;
	feeUnset: (n: NetworkNames) => string;
	presentation: string;
	presenter: (title: string) => string;
	intro: (body: string) => string;
	joins: (municipality: string, n: NetworkNames, ordinal: string, period: string) => string;
	contactPerson: (title: string) => string;
	groups: Record<AttendanceGroup, string>;
	and: string;
	onSite: (groups: string, n: NetworkNames, single: AttendanceGroup | null) => string;
}

/** "X -verkosto" when the name has spaces or ends in a bracket, "X-verkosto" otherwise. */
function compound(name: string, word: string): string {
	return /[\s)]/.test(name) ? `${name} -${word}` : `${name}-${word}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

function quoted(open: string, text: string, close: string): string {
	return `${open}${text}${close}`;
}

const TEXT: Record<Locale, LocaleText> = {
	fi: {
		numberWords: [
			'nolla',
			'yksi',
			'kaksi',
			'kolme',
			'neljä',
			'viisi',
			'kuusi',
			'seitsemän',
			'kahdeksan',
			'yhdeksän',
			'kymmenen'
		],
		ordinal: (n) => `${n}.`,
		network: (name, shortName) => ({
			full: /verkosto$/i.test(name) ? name : compound(name, 'verkosto'),
			short: compound(shortName, 'verkosto')
		}),
		title: (n, ord, period) => `Osallistuminen ${n.short}n ${ord} kaudelle ${period}`,
		seasonStarts: (n, ord, period) =>
			`${capitalise(n.full)}n ${ord} kausi käynnistyy vuosille ${period}.`,
		leadTheme: (theme) => `Kauden kärkiteema on ${quoted('”', theme, '”')}.`,
		benefit: (m) =>
			`Verkoston kautta ${m} voi saada kehittämistyöhönsä ja strategiansa toimeenpanoon asiantuntija-apua sekä muiden kuntien vertaistukea.`,
		focusHeading: 'Kauden painopisteet:',
		jointHeading: 'Verkoston yhteinen toiminta:',
		municipalHeading: 'Kuntakohtainen toiminta:',
		programme: {
			seminars: {
				one: 'yksi vuorovaikutuksellinen seminaari',
				many: (c) => `${c} vuorovaikutuksellista seminaaria`,
				unspecified: 'vuorovaikutukselliset seminaarit'
			},
			workSeminars: {
				one: 'yksi kuntien kehittäjien ja yhdyshenkilöiden yhteinen työseminaari',
				many: (c) => `${c} kuntien kehittäjien ja yhdyshenkilöiden yhteistä työseminaaria`,
				unspecified: 'kuntien kehittäjien ja yhdyshenkilöiden yhteiset työseminaarit'
			},
			contactPersonMeetings: {
				one: 'yksi yhdyshenkilötapaaminen',
				many: (c) => `${c} yhdyshenkilötapaamista`,
				unspecified: 'yhdyshenkilötapaamiset'
			},
			currentAffairsReviews: {
				one: 'yksi ajankohtaiskatsaus',
				many: (c) => `${c} ajankohtaiskatsausta`,
				unspecified: 'ajankohtaiskatsaukset'
			},
			peerDiscussions: {
				one: 'yksi vertaiskeskustelu',
				many: (c) => `${c} vertaiskeskustelua`,
				unspecified: 'vertaiskeskustelut'
			},
			developmentEvents: {
				one: 'yksi kehittämistilaisuus',
				many: (c) => `${c} kehittämistilaisuutta`,
				unspecified: 'kehittämistilaisuudet'
			}
		},
		peerAndDevelopment: (p, d) => `${p} ja ${d}`,
		workshops: {
			one: 'yksi kehittämistyöpaja kunnan omaan kehittämistoimintaan ja tarpeisiin kohdennetusti toteutettuna',
			many: (c) =>
				`${c} kehittämistyöpajaa kunnan omaan kehittämistoimintaan ja tarpeisiin kohdennetusti toteutettuna`,
			unspecified:
				'kehittämistyöpajat kunnan omaan kehittämistoimintaan ja tarpeisiin kohdennetusti toteutettuna'
		},
		situationAnalyses: {
			one: 'kunnan tilanneanalyysi',
			many: (c) => `kunnan tilanneanalyysi ${c} kertaa kauden aikana`,
			unspecified: 'kunnan tilanneanalyysi'
		},
		fee: (n, amount, tier, population) =>
			`Kuntakohtainen osallistumismaksu ${n.short}ssa on ${amount} / vuosi (maksuluokka: ${tier}${
				population === null ? '' : `, asukasluku ${population}`
			}).`,
		euros: (amount, isOne) => `${amount} ${isOne ? 'euro' : 'euroa'}`,
		vat: {
			vat_exempt: 'Maksu on arvonlisäveroton.',
			vat_standard:
				'Maksuun lisätään arvonlisävero laskun päivänä voimassa olevan verokannan mukaan.'
		},
		travel:
			'Lisäksi laskutetaan kuntakohtaisten työpajojen osalta asiantuntijoiden matkakustannukset toteutuneiden kulujen mukaisesti.',
		feeUnset: (n) => `Kuntakohtaisen osallistumismaksun ${n.short}ssa vahvistaa verkosto erikseen.`,
		presentation: 'Kauden esittelyaineisto on esityslistan liitteenä.',
		presenter: (title) => `Esittelijä: ${title}`,
		intro: (body) => `${capitalise(body)} päättää, että`,
		joins: (m, n, ord, period) => `${m} osallistuu ${n.full}n ${ord} kaudelle ajalla ${period}.`,
		contactPerson: (title) => `Verkostoyhdyshenkilöksi nimetään ${title}.`,
		groups: {
			board: 'kunnanhallituksen jäsenet',
			council_presidium: 'kunnanvaltuuston puheenjohtajisto',
			council: 'kunnanvaltuuston jäsenet',
			management_team: 'johtoryhmän jäsenet',
			developers: 'kunnan kehittäjät'
		},
		and: 'ja',
		// "puheenjohtajisto" is a collective noun: alone it takes the verb in the singular
		onSite: (groups, n, single) =>
			`${capitalise(groups)} ${single === 'council_presidium' ? 'voi' : 'voivat'} osallistua ${n.short}n seminaareihin paikan päällä.`
	},
	sv: {
		numberWords: ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'],
		ordinal: (n) => {
			const lastTwo = n % 100;
			const last = n % 10;
			return `${n}:${(last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12 ? 'a' : 'e'}`;
		},
		network: (name, shortName) => ({
			full: /^nätverket\s/i.test(name)
				? lowerFirst(name)
				: /nätverk/i.test(name)
					? name
					: `nätverket ${name}`,
			short: compound(shortName, 'nätverket')
		}),
		title: (n, ord, period) => `Deltagande i ${n.short}s ${ord} säsong ${period}`,
		seasonStarts: (n, ord, period) =>
			`${capitalise(n.full)} inleder sin ${ord} säsong för åren ${period}.`,
		leadTheme: (theme) => `Säsongens huvudtema är ${quoted('”', theme, '”')}.`,
		benefit: (m) =>
			`Genom nätverket kan ${m} få expertstöd och kollegialt stöd från andra kommuner i sitt utvecklingsarbete och i genomförandet av sin strategi.`,
		focusHeading: 'Säsongens fokusområden:',
		jointHeading: 'Nätverkets gemensamma verksamhet:',
		municipalHeading: 'Kommunspecifik verksamhet:',
		programme: {
			seminars: {
				one: 'ett interaktivt seminarium',
				many: (c) => `${c} interaktiva seminarier`,
				unspecified: 'interaktiva seminarier'
			},
			workSeminars: {
				one: 'ett gemensamt arbetsseminarium för kommunernas utvecklare och kontaktpersoner',
				many: (c) =>
					`${c} gemensamma arbetsseminarier för kommunernas utvecklare och kontaktpersoner`,
				unspecified: 'gemensamma arbetsseminarier för kommunernas utvecklare och kontaktpersoner'
			},
			contactPersonMeetings: {
				one: 'en kontaktpersonsträff',
				many: (c) => `${c} kontaktpersonsträffar`,
				unspecified: 'kontaktpersonsträffar'
			},
			currentAffairsReviews: {
				one: 'en aktualitetsöversikt',
				many: (c) => `${c} aktualitetsöversikter`,
				unspecified: 'aktualitetsöversikter'
			},
			peerDiscussions: {
				one: 'en kollegial diskussion',
				many: (c) => `${c} kollegiala diskussioner`,
				unspecified: 'kollegiala diskussioner'
			},
			developmentEvents: {
				one: 'ett utvecklingsevenemang',
				many: (c) => `${c} utvecklingsevenemang`,
				unspecified: 'utvecklingsevenemang'
			}
		},
		peerAndDevelopment: (p, d) => `${p} och ${d}`,
		workshops: {
			one: 'en utvecklingsverkstad riktad till kommunens eget utvecklingsarbete och behov',
			many: (c) =>
				`${c} utvecklingsverkstäder riktade till kommunens eget utvecklingsarbete och behov`,
			unspecified: 'utvecklingsverkstäder riktade till kommunens eget utvecklingsarbete och behov'
		},
		situationAnalyses: {
			one: 'en lägesanalys av kommunen',
			many: (c) => `${c} lägesanalyser av kommunen under säsongen`,
			unspecified: 'en lägesanalys av kommunen'
		},
		fee: (n, amount, tier, population) =>
			`Den kommunspecifika deltagaravgiften i ${n.short} är ${amount} per år (avgiftsklass: ${tier}${
				population === null ? '' : `, invånarantal ${population}`
			}).`,
		euros: (amount) => `${amount} euro`,
		vat: {
			vat_exempt: 'Avgiften är momsfri.',
			vat_standard: 'Till avgiften läggs moms enligt den skattesats som gäller på fakturadagen.'
		},
		travel:
			'Därtill faktureras experternas resekostnader för de kommunspecifika verkstäderna enligt faktiska kostnader.',
		feeUnset: (n) =>
			`Den kommunspecifika deltagaravgiften i ${n.short} fastställs separat av nätverket.`,
		presentation: 'Presentationsmaterialet för säsongen finns som bilaga till föredragningslistan.',
		presenter: (title) => `Föredragande: ${title}`,
		intro: (body) => `${capitalise(body)} beslutar att`,
		joins: (m, n, ord, period) => `${m} deltar i ${n.full} under dess ${ord} säsong ${period}.`,
		contactPerson: (title) => `Till kontaktperson för nätverket utses ${title}.`,
		groups: {
			board: 'kommunstyrelsens ledamöter',
			council_presidium: 'fullmäktiges ordförande och vice ordförande',
			council: 'fullmäktiges ledamöter',
			management_team: 'ledningsgruppens medlemmar',
			developers: 'kommunens utvecklare'
		},
		and: 'och',
		onSite: (groups, n) => `${capitalise(groups)} får delta i ${n.short}s seminarier på plats.`
	},
	en: {
		numberWords: [
			'zero',
			'one',
			'two',
			'three',
			'four',
			'five',
			'six',
			'seven',
			'eight',
			'nine',
			'ten'
		],
		ordinal: (n) => {
			const lastTwo = n % 100;
			const suffix =
				lastTwo >= 11 && lastTwo <= 13
					? 'th'
					: n % 10 === 1
						? 'st'
						: n % 10 === 2
							? 'nd'
							: n % 10 === 3
								? 'rd'
								: 'th';
			return `${n}${suffix}`;
		},
		network: (name, shortName) => {
			const full = /network$/i.test(name) ? name : `${name} network`;
			return {
				full: /^the\s/i.test(full) ? lowerFirst(full) : `the ${full}`,
				short: `the ${shortName} network`
			};
		},
		title: (n, ord, period) => `Participation in ${n.short}'s ${ord} season, ${period}`,
		seasonStarts: (n, ord, period) => `${capitalise(n.full)}'s ${ord} season runs in ${period}.`,
		leadTheme: (theme) => `The season's lead theme is ${quoted('“', theme, '”')}.`,
		benefit: (m) =>
			`Through the network, ${m} can get expert help and peer support from other municipalities for its development work and for implementing its strategy.`,
		focusHeading: "The season's focus areas:",
		jointHeading: "The network's joint activities:",
		municipalHeading: 'Municipality-specific activities:',
		programme: {
			seminars: {
				one: 'one interactive seminar',
				many: (c) => `${c} interactive seminars`,
				unspecified: 'interactive seminars'
			},
			workSeminars: {
				one: 'one joint work seminar for municipal developers and contact persons',
				many: (c) => `${c} joint work seminars for municipal developers and contact persons`,
				unspecified: 'joint work seminars for municipal developers and contact persons'
			},
			contactPersonMeetings: {
				one: 'one contact-person meeting',
				many: (c) => `${c} contact-person meetings`,
				unspecified: 'contact-person meetings'
			},
			currentAffairsReviews: {
				one: 'one current-affairs review',
				many: (c) => `${c} current-affairs reviews`,
				unspecified: 'current-affairs reviews'
			},
			peerDiscussions: {
				one: 'one peer discussion',
				many: (c) => `${c} peer discussions`,
				unspecified: 'peer discussions'
			},
			developmentEvents: {
				one: 'one development event',
				many: (c) => `${c} development events`,
				unspecified: 'development events'
			}
		},
		peerAndDevelopment: (p, d) => `${p} and ${d}`,
		workshops: {
			one: "one development workshop aimed at the municipality's own development work and needs",
			many: (c) =>
				`${c} development workshops aimed at the municipality's own development work and needs`,
			unspecified:
				"development workshops aimed at the municipality's own development work and needs"
		},
		situationAnalyses: {
			one: 'a situation analysis of the municipality',
			many: (c) => `${c} situation analyses of the municipality during the season`,
			unspecified: 'a situation analysis of the municipality'
		},
		fee: (n, amount, tier, population) =>
			`The municipality's participation fee in ${n.short} is ${amount} a year (fee class: ${tier}${
				population === null ? '' : `, population ${population}`
			}).`,
		euros: (amount, isOne) => `${amount} ${isOne ? 'euro' : 'euros'}`,
		vat: {
			vat_exempt: 'The fee is exempt from VAT.',
			vat_standard: 'VAT is added to the fee at the rate in force on the invoice date.'
		},
		travel:
			"In addition, the experts' travel costs for the municipality-specific workshops are invoiced at actual cost.",
		feeUnset: (n) =>
			`The municipality's participation fee in ${n.short} is set separately by the network.`,
		presentation: "The season's presentation material is attached to the agenda.",
		presenter: (title) => `Presenter: ${title}`,
		intro: (body) => `${/^the\s/i.test(body) ? capitalise(body) : `The ${body}`} decides that`,
		joins: (m, n, ord, period) => `${m} takes part in ${n.full}'s ${ord} season for ${period}.`,
		contactPerson: (title) =>
			`${/^the\s/i.test(title) ? capitalise(title) : `The ${title}`} is named the network contact person.`,
		groups: {
			board: 'the members of the municipal board',
			council_presidium: "the council's chair and vice-chairs",
			council: 'the members of the municipal council',
			management_team: 'the members of the management team',
			developers: "the municipality's developers"
		},
		and: 'and',
		onSite: (groups, n) => `${capitalise(groups)} may attend ${n.short}'s seminars on site.`
	}
};

/** Digits grouped by threes with a no-break space, the Finnish way in every language. */
function groupDigits(n: number): string {
	return String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** "9 000 euroa", "9 500,50 euroa": whole euros without decimals, otherwise two. */
function formatEuros(text: LocaleText, cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const whole = groupDigits(Math.trunc(Math.abs(cents) / 100));
	const rest = Math.abs(cents) % 100;
	const amount =
		rest === 0 ? `${sign}${whole}` : `${sign}${whole},${String(rest).padStart(2, '0')}`;
	return text.euros(amount, Math.abs(cents) === 100);
}

/** Numbers 1–10 as words, larger ones in digits. */
function countWord(text: LocaleText, n: number): string {
	return text.numberWords[n] ?? groupDigits(n);
}

/** The list item for an activity, or null when the plan says none are held. */
function counted(text: LocaleText, forms: Counted, n: number | null): string | null {
	if (n === null) return forms.unspecified;
	if (n <= 0) return null;
	if (n === 1) return forms.one;
	return forms.many(countWord(text, n));
}

/** "a, b ja c" */
function joinList(items: readonly string[], and: string): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** "2023–2024" from the years of the first and the last day; one year alone if they match. */
function periodOf(startsOn: string, endsOn: string): string {
	const from = startsOn.slice(0, 4);
	const to = endsOn.slice(0, 4);
	return from === to ? from : `${from}\u2013${to}`;
}

/** Free text split into paragraphs at blank lines, line breaks within one joined. */
function paragraphs(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
		.filter((p) => p.length > 0);
}

function jointActivities(
	text: LocaleText,
	programme: ProposalInput['season']['programme']
): string[] {
	const item = (key: ProgrammeKey) => counted(text, text.programme[key], programme[key]);
	const peer = item('peerDiscussions');
	const development = item('developmentEvents');
	const together =
		peer !== null && development !== null
			? [text.peerAndDevelopment(peer, development)]
			: [peer, development];
	return [
		item('seminars'),
		item('workSeminars'),
		item('contactPersonMeetings'),
		item('currentAffairsReviews'),
		...together
	].filter((i): i is string => i !== null);
}

export function buildDecisionProposal(input: ProposalInput): ProposalDocument {
	const text = TEXT[input.locale];
	const { season, municipality } = input;
	const network = text.network(input.network.name.trim(), input.network.shortName.trim());
	const ordinal = text.ordinal(season.number);
	const period = periodOf(season.startsOn, season.endsOn);
	const municipalityName = municipality.name.trim();

	const leadTheme = season.leadTheme.trim();
	const background = [
		[text.seasonStarts(network, ordinal, period), leadTheme ? text.leadTheme(leadTheme) : '']
			.filter(Boolean)
			.join(' '),
		...paragraphs(season.description),
		text.benefit(municipalityName)
	];

	const sections: ProposalDocument['sections'] = [
		{
			heading: text.focusHeading,
			items: season.focusAreas.map((f) => f.trim()).filter((f) => f.length > 0)
		},
		{ heading: text.jointHeading, items: jointActivities(text, season.programme) },
		{
			heading: text.municipalHeading,
			items: [
				counted(text, text.workshops, season.workshopsPerMunicipality),
				counted(text, text.situationAnalyses, season.situationAnalysesPerMunicipality)
			].filter((i): i is string => i !== null)
		}
	].filter((s) => s.items.length > 0);

	const { fee } = input;
	const travel = season.workshopsPerMunicipality > 0 ? [text.travel] : [];
	const feeParagraph = fee
		? [
				text.fee(
					network,
					formatEuros(text, fee.yearlyFeeCents),
					fee.tierName.trim(),
					municipality.population === null ? null : groupDigits(municipality.population)
				),
				text.vat[fee.vatTreatment],
				...travel
			]
		: [text.feeUnset(network), ...travel];
	const fees = [feeParagraph.join(' '), ...(season.hasPresentation ? [text.presentation] : [])];

	const groups = ATTENDANCE_GROUPS.filter((g) => input.onSiteGroups.includes(g));
	const proposalItems = [
		text.joins(municipalityName, network, ordinal, period),
		text.contactPerson(input.contactPersonTitle.trim())
	];
	if (groups.length > 0) {
		const names = joinList(
			groups.map((g) => text.groups[g]),
			text.and
		);
		proposalItems.push(text.onSite(names, network, groups.length === 1 ? groups[0]! : null));
	}

	return {
		title: text.title(network, ordinal, period),
		background,
		sections,
		fees,
		presenter: text.presenter(input.presenterTitle.trim()),
		proposalIntro: text.intro(input.body.trim()),
		proposalItems
	};
}

/** The proposal as plain text to paste into a case-management system. */
export function proposalAsText(doc: ProposalDocument): string {
	const blocks = [
		doc.title,
		...doc.background,
		...doc.sections.map((s) => [s.heading, ...s.items.map((i) => `- ${i}`)].join('\n')),
		...doc.fees,
		doc.presenter,
		doc.proposalIntro,
		doc.proposalItems.map((item, i) => `${i + 1}) ${item}`).join('\n\n')
	];
	return `${blocks.join('\n\n')}\n`;
}
