import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	buildDecisionProposal,
	proposalAsText,
	type ProposalDocument,
	type ProposalInput
} from './decision-proposal';
import { ATTENDANCE_GROUPS } from './positions';

const NBSP = '\u00a0';

/** Vaala joining USO 7, as in the board's minutes in shared/seed/. */
function vaalaInput(locale: ProposalInput['locale'] = 'fi'): ProposalInput {
	const byLocale = {
		fi: {
			network: 'Uuden sukupolven organisaatiot (USO) -verkosto',
			leadTheme: 'Uudistuvien kuntien johtaminen',
			description:
				'Keskiössä on kuntien johtamisen tukeminen ja tuki kunnille muutosten, kuten hyvinvointialueuudistuksen ja TE 2024 -uudistuksen, keskellä.',
			focus: [
				'Strateginen johtaminen ja ennakointi',
				'Yhteistyömallit hyvinvointialueiden kanssa',
				'Työllisyys- ja elinvoimaekosysteemien johtaminen'
			],
			tier: 'Pienet kunnat',
			body: 'kunnanhallitus',
			presenter: 'kunnanjohtaja',
			contact: 'hallintojohtaja'
		},
		sv: {
			network: 'Nätverket Nya generationens organisationer (USO)',
			leadTheme: 'Ledarskap i kommuner som förnyar sig',
			description:
				'I centrum står stödet till kommunernas ledning mitt i förändringar som välfärdsområdesreformen och reformen TE 2024.',
			focus: [
				'Strategisk ledning och framsyn',
				'Samarbetsmodeller med välfärdsområdena',
				'Ledning av ekosystem för sysselsättning och livskraft'
			],
			tier: 'Små kommuner',
			body: 'kommunstyrelsen',
			presenter: 'kommundirektör',
			contact: 'förvaltningsdirektör'
		},
		en: {
			network: 'New Generation Organisations (USO) network',
			leadTheme: 'Leadership of renewing municipalities',
			description:
				'At its centre is support for municipal leadership amid changes such as the wellbeing services county reform and the TE 2024 reform.',
			focus: [
				'Strategic leadership and foresight',
				'Cooperation models with the wellbeing services counties',
				'Leading employment and vitality ecosystems'
			],
			tier: 'Small municipalities',
			body: 'municipal board',
			presenter: 'municipal manager',
			contact: 'administrative director'
		}
	}[locale];
	return {
		locale,
		network: { name: byLocale.network, shortName: 'USO' },
		season: {
			number: 7,
			startsOn: '2023-01-01',
			endsOn: '2024-12-31',
			leadTheme: byLocale.leadTheme,
			description: byLocale.description,
			focusAreas: byLocale.focus,
			programme: {
				seminars: 4,
				workSeminars: 4,
				contactPersonMeetings: null,
				currentAffairsReviews: null,
				peerDiscussions: null,
				developmentEvents: null
			},
			workshopsPerMunicipality: 5,
			situationAnalysesPerMunicipality: 1,
			hasPresentation: true
		},
		municipality: { name: 'Vaala', code: '785', population: 2_987 },
		fee: { tierName: byLocale.tier, yearlyFeeCents: 900_000, vatTreatment: 'vat_exempt' },
		body: byLocale.body,
		presenterTitle: byLocale.presenter,
		contactPersonTitle: byLocale.contact,
		onSiteGroups: ['board', 'council_presidium', 'management_team']
	};
}

function section(doc: ProposalDocument, heading: string) {
	return doc.sections.find((s) => s.heading === heading)?.items;
}

describe('the decision proposal for Vaala, in Finnish', () => {
	const doc = buildDecisionProposal(vaalaInput('fi'));
	const text = proposalAsText(doc);

	it('has the title, the presenter and the intro of the seed', () => {
		expect(doc.title).toBe('Osallistuminen USO-verkoston 7. kaudelle 2023–2024');
		expect(doc.presenter).toBe('Esittelijä: kunnanjohtaja');
		expect(doc.proposalIntro).toBe('Kunnanhallitus päättää, että');
		expect(doc.background[0]).toBe(
			'Uuden sukupolven organisaatiot (USO) -verkoston 7. kausi käynnistyy vuosille 2023–2024. Kauden kärkiteema on ”Uudistuvien kuntien johtaminen”.'
		);
	});

	it('lists the joint and the municipality-specific activities as the seed does', () => {
		expect(section(doc, 'Verkoston yhteinen toiminta:')).toEqual([
			'neljä vuorovaikutuksellista seminaaria',
			'neljä kuntien kehittäjien ja yhdyshenkilöiden yhteistä työseminaaria',
			'yhdyshenkilötapaamiset',
			'ajankohtaiskatsaukset',
			'vertaiskeskustelut ja kehittämistilaisuudet'
		]);
		expect(section(doc, 'Kuntakohtainen toiminta:')).toEqual([
			'viisi kehittämistyöpajaa kunnan omaan kehittämistoimintaan ja tarpeisiin kohdennetusti toteutettuna',
			'kunnan tilanneanalyysi'
		]);
		expect(section(doc, 'Kauden painopisteet:')).toHaveLength(3);
	});

	it('states the fee, the travel costs at actual cost and the attached presentation', () => {
		expect(doc.fees[0]).toBe(
			`Kuntakohtainen osallistumismaksu USO-verkostossa on 9${NBSP}000 euroa / vuosi (maksuluokka: Pienet kunnat, asukasluku 2${NBSP}987). Maksu on arvonlisäveroton. Lisäksi laskutetaan kuntakohtaisten työpajojen osalta asiantuntijoiden matkakustannukset toteutuneiden kulujen mukaisesti.`
		);
		expect(doc.fees.at(-1)).toBe('Kauden esittelyaineisto on esityslistan liitteenä.');
	});

	it('proposes the three decisions of the seed', () => {
		expect(doc.proposalItems).toEqual([
			'Vaala osallistuu Uuden sukupolven organisaatiot (USO) -verkoston 7. kaudelle ajalla 2023–2024.',
			'Verkostoyhdyshenkilöksi nimetään hallintojohtaja.',
			'Kunnanhallituksen jäsenet, kunnanvaltuuston puheenjohtajisto ja johtoryhmän jäsenet voivat osallistua USO-verkoston seminaareihin paikan päällä.'
		]);
	});

	it('gives plain text to copy, in the order of the seed, with numbered items', () => {
		const inOrder = [
			'Osallistuminen USO-verkoston 7. kaudelle 2023–2024',
			'Verkoston yhteinen toiminta:\n- neljä vuorovaikutuksellista seminaaria',
			'- vertaiskeskustelut ja kehittämistilaisuudet',
			'Kuntakohtainen toiminta:\n- viisi kehittämistyöpajaa',
			`9${NBSP}000 euroa / vuosi`,
			'matkakustannukset toteutuneiden kulujen mukaisesti',
			'Kauden esittelyaineisto on esityslistan liitteenä.',
			'Esittelijä: kunnanjohtaja',
			'Kunnanhallitus päättää, että',
			'1) Vaala osallistuu',
			'2) Verkostoyhdyshenkilöksi nimetään hallintojohtaja',
			'3) Kunnanhallituksen jäsenet, kunnanvaltuuston puheenjohtajisto ja johtoryhmän jäsenet'
		];
		let at = -1;
		for (const piece of inOrder) {
			const found = text.indexOf(piece, at + 1);
			expect(found, piece).toBeGreaterThan(at);
			at = found;
		}
		expect(text.endsWith('paikan päällä.\n')).toBe(true);
	});
});

describe('the decision proposal in Swedish and English', () => {
	const fi = buildDecisionProposal(vaalaInput('fi'));
	const sv = buildDecisionProposal(vaalaInput('sv'));
	const en = buildDecisionProposal(vaalaInput('en'));

	it('has the same shape in every language', () => {
		for (const doc of [sv, en]) {
			expect(doc.background).toHaveLength(fi.background.length);
			expect(doc.sections.map((s) => s.items.length)).toEqual(
				fi.sections.map((s) => s.items.length)
			);
			expect(doc.fees).toHaveLength(fi.fees.length);
			expect(doc.proposalItems).toHaveLength(fi.proposalItems.length);
		}
	});

	it('says the same in Swedish', () => {
		expect(sv.title).toBe('Deltagande i USO-nätverkets 7:e säsong 2023–2024');
		expect(sv.proposalIntro).toBe('Kommunstyrelsen beslutar att');
		expect(sv.presenter).toBe('Föredragande: kommundirektör');
		expect(sv.sections[1]?.items).toEqual([
			'fyra interaktiva seminarier',
			'fyra gemensamma arbetsseminarier för kommunernas utvecklare och kontaktpersoner',
			'kontaktpersonsträffar',
			'aktualitetsöversikter',
			'kollegiala diskussioner och utvecklingsevenemang'
		]);
		expect(sv.sections[2]?.items[0]).toMatch(/^fem utvecklingsverkstäder/);
		expect(sv.fees[0]).toContain(`9${NBSP}000 euro per år`);
		expect(sv.fees[0]).toContain('resekostnader');
		expect(sv.proposalItems).toEqual([
			'Vaala deltar i nätverket Nya generationens organisationer (USO) under dess 7:e säsong 2023–2024.',
			'Till kontaktperson för nätverket utses förvaltningsdirektör.',
			'Kommunstyrelsens ledamöter, fullmäktiges ordförande och vice ordförande och ledningsgruppens medlemmar får delta i USO-nätverkets seminarier på plats.'
		]);
	});

	it('says the same in English', () => {
		expect(en.title).toBe("Participation in the USO network's 7th season, 2023–2024");
		expect(en.proposalIntro).toBe('The municipal board decides that');
		expect(en.presenter).toBe('Presenter: municipal manager');
		expect(en.sections[1]?.items[0]).toBe('four interactive seminars');
		expect(en.sections[2]?.items[0]).toMatch(/^five development workshops/);
		expect(en.fees[0]).toContain(`9${NBSP}000 euros a year`);
		expect(en.fees[0]).toContain(
			'travel costs for the municipality-specific workshops are invoiced at actual cost'
		);
		expect(en.proposalItems).toEqual([
			"Vaala takes part in the New Generation Organisations (USO) network's 7th season for 2023–2024.",
			'The administrative director is named the network contact person.',
			"The members of the municipal board, the council's chair and vice-chairs and the members of the management team may attend the USO network's seminars on site."
		]);
	});

	it('lets no Finnish leak into Swedish or English', () => {
		const finnish = [
			'kunta',
			'kunnan',
			'vuosi',
			'verkosto',
			'euroa',
			'kausi',
			'kaude',
			'päättää',
			'että',
			'seminaari',
			'jäsenet'
		];
		for (const doc of [sv, en]) {
			const text = proposalAsText(doc).toLowerCase();
			for (const word of finnish) expect(text, word).not.toContain(word);
		}
	});
});

describe('the programme, the fee and the groups', () => {
	const base = vaalaInput('fi');

	it('writes an activity without a number when its count is null and leaves it out when 0', () => {
		const doc = buildDecisionProposal({
			...base,
			season: {
				...base.season,
				programme: {
					seminars: null,
					workSeminars: 0,
					contactPersonMeetings: 1,
					currentAffairsReviews: 12,
					peerDiscussions: 0,
					developmentEvents: 2
				},
				situationAnalysesPerMunicipality: 0
			}
		});
		expect(doc.sections[1]?.items).toEqual([
			'vuorovaikutukselliset seminaarit',
			'yksi yhdyshenkilötapaaminen',
			'12 ajankohtaiskatsausta',
			'kaksi kehittämistilaisuutta'
		]);
		expect(doc.sections[2]?.items).toHaveLength(1);
	});

	it('leaves out a section with nothing in it, and travel costs when there are no workshops', () => {
		const doc = buildDecisionProposal({
			...base,
			season: {
				...base.season,
				focusAreas: [' '],
				workshopsPerMunicipality: 0,
				situationAnalysesPerMunicipality: 0
			}
		});
		expect(doc.sections.map((s) => s.heading)).toEqual(['Verkoston yhteinen toiminta:']);
		expect(doc.fees.join(' ')).not.toContain('matkakustannukset');
	});

	it('says the network sets the fee when no fee applies', () => {
		for (const locale of ['fi', 'sv', 'en'] as const) {
			const doc = buildDecisionProposal({ ...vaalaInput(locale), fee: null });
			expect(doc.fees[0]).toMatch(
				/vahvistaa verkosto erikseen|fastställs separat av nätverket|set separately by the network/
			);
			expect(doc.fees[0]).not.toMatch(/\d/);
		}
	});

	it('formats cents and VAT the Finnish way', () => {
		const doc = buildDecisionProposal({
			...base,
			municipality: { ...base.municipality, population: null },
			fee: { tierName: 'Suuret kaupungit', yearlyFeeCents: 1_250_050, vatTreatment: 'vat_standard' }
		});
		expect(doc.fees[0]).toContain(`12${NBSP}500,50 euroa / vuosi (maksuluokka: Suuret kaupungit)`);
		expect(doc.fees[0]).toContain('Maksuun lisätään arvonlisävero');
	});

	it('leaves item 3 out when no group may attend on site, and agrees the verb with one group', () => {
		expect(buildDecisionProposal({ ...base, onSiteGroups: [] }).proposalItems).toHaveLength(2);
		expect(
			buildDecisionProposal({ ...base, onSiteGroups: ['council_presidium'] }).proposalItems[2]
		).toBe(
			'Kunnanvaltuuston puheenjohtajisto voi osallistua USO-verkoston seminaareihin paikan päällä.'
		);
		expect(
			buildDecisionProposal({ ...base, onSiteGroups: ['developers', 'board', 'board'] })
				.proposalItems[2]
		).toBe(
			'Kunnanhallituksen jäsenet ja kunnan kehittäjät voivat osallistua USO-verkoston seminaareihin paikan päällä.'
		);
	});

	it('writes ordinals and periods in each language', () => {
		const ordinals = (locale: ProposalInput['locale'], n: number) =>
			buildDecisionProposal({
				...vaalaInput(locale),
				season: {
					...vaalaInput(locale).season,
					number: n,
					startsOn: '2025-01-01',
					endsOn: '2025-12-31'
				}
			}).title;
		expect(ordinals('fi', 12)).toBe('Osallistuminen USO-verkoston 12. kaudelle 2025');
		expect([1, 2, 3, 11, 12, 21, 22, 23].map((n) => ordinals('sv', n).split(' ')[3])).toEqual([
			'1:a',
			'2:a',
			'3:e',
			'11:e',
			'12:e',
			'21:a',
			'22:a',
			'23:e'
		]);
		expect([1, 2, 3, 4, 11, 12, 13, 21, 102].map((n) => ordinals('en', n).split(' ')[5])).toEqual([
			'1st',
			'2nd',
			'3rd',
			'4th',
			'11th',
			'12th',
			'13th',
			'21st',
			'102nd'
		]);
	});

	it('keeps a network name without the word for network readable', () => {
		const named = (locale: ProposalInput['locale'], name: string) =>
			buildDecisionProposal({ ...vaalaInput(locale), network: { name, shortName: 'KJ' } })
				.proposalItems[0];
		expect(named('fi', 'Kuntajohtajat')).toBe(
			'Vaala osallistuu Kuntajohtajat-verkoston 7. kaudelle ajalla 2023–2024.'
		);
		expect(named('sv', 'Kommunledarna')).toBe(
			'Vaala deltar i nätverket Kommunledarna under dess 7:e säsong 2023–2024.'
		);
		expect(named('en', 'Municipal Leaders')).toBe(
			"Vaala takes part in the Municipal Leaders network's 7th season for 2023–2024."
		);
	});
});

describe('any season and any groups', () => {
	const count = fc.option(fc.integer({ min: 0, max: 30 }), { nil: null });
	const words: Record<ProposalInput['locale'], string[]> = {
		fi: [
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
		sv: ['en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'],
		en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
	};

	it('builds, numbers its items, and writes every count up to ten as a word', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<ProposalInput['locale']>('fi', 'sv', 'en'),
				fc.record({
					seminars: count,
					workSeminars: count,
					contactPersonMeetings: count,
					currentAffairsReviews: count,
					peerDiscussions: count,
					developmentEvents: count
				}),
				fc.integer({ min: 0, max: 30 }),
				fc.integer({ min: 0, max: 30 }),
				fc.subarray([...ATTENDANCE_GROUPS]),
				fc.boolean(),
				(locale, programme, workshops, analyses, groups, hasFee) => {
					const input = vaalaInput(locale);
					const doc = buildDecisionProposal({
						...input,
						season: {
							...input.season,
							programme,
							workshopsPerMunicipality: workshops,
							situationAnalysesPerMunicipality: analyses
						},
						fee: hasFee ? input.fee : null,
						onSiteGroups: groups
					});
					expect(doc.proposalItems).toHaveLength(2 + (groups.length > 0 ? 1 : 0));
					expect(proposalAsText(doc)).toContain(`${doc.proposalItems.length}) `);

					const counts = [...Object.values(programme), workshops, analyses].filter(
						(n): n is number => n !== null && n > 1
					);
					// the focus areas come first and have no numbers; the rest are activities
					const activities = doc.sections.slice(1).flatMap((s) => s.items);
					for (const item of activities) {
						for (const digits of item.match(/\d+/g) ?? [])
							expect(Number(digits)).toBeGreaterThan(10);
					}
					for (const n of counts) {
						const expected = n <= 10 ? words[locale][n - 1]! : String(n);
						expect(activities.some((i) => i.split(' ').includes(expected))).toBe(true);
					}
				}
			)
		);
	});
});
