import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales';
import {
	COLUMN_HEADERS,
	emailsOfTable,
	fieldOfHeader,
	isImportable,
	localeOfLabel,
	PEOPLE_IMPORT_FIELDS,
	PEOPLE_IMPORT_LIMITS,
	planPeopleImport,
	POSITION_LABELS,
	positionOfLabel,
	withEmailTaken,
	type ExistingPerson,
	type PeopleTable,
	type PlanOptions
} from './people-import';
import { POSITIONS } from './positions';

const VAALA = '785';
const OULU = '564';

function options(existing: Record<string, Partial<ExistingPerson>> = {}): PlanOptions {
	return {
		municipalityCode: VAALA,
		defaultLocale: 'fi',
		existingEmails: new Map(
			Object.entries(existing).map(([email, p]) => [
				email,
				{
					municipalityCode: VAALA,
					name: 'Vanha Nimi',
					title: '',
					positions: [],
					locale: 'fi',
					...p
				}
			])
		)
	};
}

const finnishHeaders = ['Nimi', 'Sähköposti', 'Tehtävänimike', 'Asemat', 'Kieli'];

describe('a file with one bad row among good ones', () => {
	const table: PeopleTable = {
		headers: finnishHeaders,
		rows: [
			[
				'Maija Meikäläinen',
				'maija@vaala.fi',
				'hallintojohtaja',
				'hallintojohtaja, johtoryhmän jäsen',
				''
			],
			['Olli Ovela', 'olli@vaala.fi', '', 'kunnanhallituksen jäsen', 'suomi'],
			['Kaisa Kehittäjä', 'kaisa@vaala', 'kehittämispäällikkö', 'kehittäjä', ''],
			['Pekka Puheenjohtaja', 'pekka@vaala.fi', '', 'valtuuston puheenjohtaja', ''],
			['Sari Saarinen', 'sari@vaala.fi', 'kunnanjohtaja', 'kunnanjohtaja; yhdyshenkilö', 'fi']
		]
	};
	const plan = planPeopleImport(table, options());

	it('marks only that row, with its line and the reason', () => {
		const bad = plan.rows.filter((r) => r.errors.length > 0);
		expect(bad).toHaveLength(1);
		expect(bad[0]).toMatchObject({
			line: 4,
			action: 'invalid',
			errors: [{ code: 'email_invalid', field: 'email' }]
		});
		expect(plan.summary).toEqual({ create: 4, update: 0, unchanged: 0, invalid: 1 });
		expect(isImportable(plan)).toBe(false);
	});

	it('reads the good rows into people with positions in a fixed order', () => {
		expect(plan.fileErrors).toEqual([]);
		expect(plan.rows[0]).toMatchObject({
			line: 2,
			action: 'create',
			values: {
				name: 'Maija Meikäläinen',
				email: 'maija@vaala.fi',
				title: 'hallintojohtaja',
				positions: ['administrative_director', 'management_team_member'],
				locale: 'fi'
			}
		});
		expect(plan.rows[4]?.values.positions).toEqual(['municipal_manager', 'contact_person']);
	});

	it('is importable once the row is mended', () => {
		const mended = structuredClone(table);
		mended.rows[2]![1] = 'kaisa@vaala.fi';
		const again = planPeopleImport(mended, options());
		expect(isImportable(again)).toBe(true);
		expect(again.summary).toEqual({ create: 5, update: 0, unchanged: 0, invalid: 0 });
	});
});

describe('column headers', () => {
	it('are understood in Swedish, with Swedish positions and languages', () => {
		const plan = planPeopleImport(
			{
				headers: ['Namn', 'E-post', 'Titel', 'Positioner', 'Språk'],
				rows: [
					[
						'Anna Andersson',
						'Anna.Andersson@Pedersore.fi',
						'förvaltningsdirektör',
						'kommunstyrelseledamot; fullmäktiges vice ordförande',
						'svenska'
					]
				]
			},
			options()
		);
		expect(plan.rows[0]?.errors).toEqual([]);
		expect(plan.rows[0]?.values).toEqual({
			name: 'Anna Andersson',
			email: 'anna.andersson@pedersore.fi',
			title: 'förvaltningsdirektör',
			positions: ['board_member', 'council_vice_chair'],
			locale: 'sv'
		});
	});

	it('are understood in English, in any order, with codes as positions', () => {
		const plan = planPeopleImport(
			{
				headers: ['Language', 'E-mail', 'Name', 'Positions', 'Title', 'Phone'],
				rows: [['English', 'john@example.com', 'John Smith', 'developer, board_chair', '', '040']]
			},
			options()
		);
		expect(plan.columns).toEqual({ language: 0, email: 1, name: 2, positions: 3, title: 4 });
		expect(plan.ignoredColumns).toEqual(['Phone']);
		expect(plan.rows[0]?.values).toMatchObject({
			positions: ['board_chair', 'developer'],
			locale: 'en'
		});
	});

	it.each([
		['NIMI', 'name'],
		['sahkoposti', 'email'],
		['  Sähköposti  ', 'email'],
		['Sähköpostiosoite', 'email'],
		['TEHTAVANIMIKE', 'title'],
		['SPRÅK', 'language'],
		['sprak', 'language'],
		['Email', 'email'],
		['Nimi *', 'name']
	] as const)('%j is the %s column', (header, field) => {
		expect(fieldOfHeader(header)).toBe(field);
	});

	it('accept every header the template shows, in every language', () => {
		for (const field of PEOPLE_IMPORT_FIELDS) {
			for (const locale of LOCALES) {
				expect(fieldOfHeader(COLUMN_HEADERS[field][locale])).toBe(field);
			}
		}
	});
});

describe('file errors', () => {
	it('names the missing required columns in all three languages', () => {
		const plan = planPeopleImport(
			{ headers: ['Etunimi', 'Tehtävänimike'], rows: [['Maija', 'kehittäjä']] },
			options()
		);
		expect(plan.fileErrors).toEqual([
			{
				code: 'missing_columns',
				params: { columns: 'nimi / namn / name, sähköposti / e-post / email' },
				fields: ['name', 'email']
			}
		]);
		expect(plan.rows).toEqual([]);
		expect(isImportable(plan)).toBe(false);
	});

	it('refuses two columns for the same field', () => {
		const plan = planPeopleImport(
			{ headers: ['nimi', 'sähköposti', 'e-post'], rows: [['A', 'a@x.fi', 'b@x.fi']] },
			options()
		);
		expect(plan.fileErrors).toEqual([{ code: 'duplicate_column', params: { column: 'e-post' } }]);
	});

	it('refuses a file with no people, or nothing at all', () => {
		const headerOnly = planPeopleImport(
			{ headers: finnishHeaders, rows: [['', ' ', '', '', '']] },
			options()
		);
		const empty = planPeopleImport({ headers: [], rows: [] }, options());
		expect(headerOnly.fileErrors).toEqual([{ code: 'no_rows' }]);
		expect(empty.fileErrors).toEqual([{ code: 'no_rows' }]);
	});

	it('takes 2,000 people and refuses 2,001', () => {
		const rows = (n: number) =>
			Array.from({ length: n }, (_, i) => [`Henkilö ${i}`, `h${i}@vaala.fi`]);
		const max = PEOPLE_IMPORT_LIMITS.maxRows;
		const ok = planPeopleImport({ headers: ['nimi', 'email'], rows: rows(max) }, options());
		const tooMany = planPeopleImport(
			{ headers: ['nimi', 'email'], rows: rows(max + 1) },
			options()
		);
		expect(ok.summary.create).toBe(max);
		expect(tooMany.fileErrors).toEqual([
			{ code: 'too_many_rows', params: { max, count: max + 1 } }
		]);
	});
});

describe('row errors', () => {
	const plan = (row: string[], existing?: Record<string, Partial<ExistingPerson>>) =>
		planPeopleImport({ headers: finnishHeaders, rows: [row] }, options(existing)).rows[0]!;

	it.each([
		[['', 'a@vaala.fi', '', '', ''], [{ code: 'name_missing', field: 'name' }]],
		[['A', '', '', '', ''], [{ code: 'email_missing', field: 'email' }]],
		[['A', 'a@@vaala.fi', '', '', ''], [{ code: 'email_invalid', field: 'email' }]],
		[['A', 'a vaala.fi', '', '', ''], [{ code: 'email_invalid', field: 'email' }]],
		[
			['A'.repeat(201), 'a@vaala.fi', '', '', ''],
			[{ code: 'name_too_long', field: 'name', params: { max: 200 } }]
		],
		[
			['A', 'a@vaala.fi', 'x'.repeat(201), '', ''],
			[{ code: 'title_too_long', field: 'title', params: { max: 200 } }]
		],
		[
			['A', 'a@vaala.fi', '', 'kehittäjä, puheenjohtaja', ''],
			[{ code: 'position_unknown', field: 'positions', params: { value: 'puheenjohtaja' } }]
		],
		[
			['A', 'a@vaala.fi', '', '', 'saame'],
			[{ code: 'language_unknown', field: 'language', params: { value: 'saame' } }]
		],
		[
			['Maija\u0000', 'a@vaala.fi', '', '', ''],
			[{ code: 'control_characters', field: 'name', params: { column: 'Nimi' } }]
		],
		[
			['Maija\nMeikäläinen', 'a@vaala.fi', '', '', ''],
			[{ code: 'control_characters', field: 'name', params: { column: 'Nimi' } }]
		]
	])('%j has %j', (row, errors) => {
		const planned = plan(row);
		expect(planned.errors).toEqual(errors);
		expect(planned.action).toBe('invalid');
	});

	it('reports every error of a row at once', () => {
		expect(plan(['', 'x', '', 'pomo', 'klingon']).errors.map((e) => e.code)).toEqual([
			'name_missing',
			'email_invalid',
			'position_unknown',
			'language_unknown'
		]);
	});

	it('tidies what a spreadsheet leaves around the values', () => {
		const planned = plan([
			'  Maija\u00a0 Meikäläinen ',
			' mailto:MAIJA@Vaala.FI ',
			'\thallinto-\tjohtaja ',
			'Hallintojohtaja\nJOHTORYHMÄN JÄSEN\n',
			' SV-fi '
		]);
		expect(planned.errors).toEqual([]);
		expect(planned.values).toEqual({
			name: 'Maija Meikäläinen',
			email: 'maija@vaala.fi',
			title: 'hallinto- johtaja',
			positions: ['administrative_director', 'management_team_member'],
			locale: 'sv'
		});
	});

	it('refuses an address used earlier in the file, whatever its case, on the later rows', () => {
		const rows = planPeopleImport(
			{
				headers: ['nimi', 'sähköposti'],
				rows: [
					['A', 'a@vaala.fi'],
					['B', 'b@vaala.fi'],
					['A2', 'A@Vaala.fi'],
					['A3', 'a@vaala.fi']
				]
			},
			options()
		).rows;
		expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'invalid', 'invalid']);
		expect(rows[2]?.errors).toEqual([
			{ code: 'email_duplicate_in_file', field: 'email', params: { line: 2 } }
		]);
		expect(rows[3]?.errors[0]?.params).toEqual({ line: 2 });
	});

	it('refuses an address of another municipality, of network staff or of an erased person', () => {
		const existing = {
			'oulu@example.fi': { municipalityCode: OULU },
			'staff@kuntaliitto.fi': { municipalityCode: null },
			'gone@vaala.fi': { erased: true }
		};
		for (const email of Object.keys(existing)) {
			expect(plan(['A', email, '', '', ''], existing).errors).toEqual([
				{ code: 'email_taken', field: 'email' }
			]);
		}
	});
});

describe('people already in Verkosto', () => {
	const existing = {
		'maija@vaala.fi': {
			name: 'Maija Meikäläinen',
			title: 'hallintojohtaja',
			positions: ['management_team_member', 'administrative_director'] as const,
			locale: 'sv' as const
		}
	};
	const planOne = (row: string[]) =>
		planPeopleImport({ headers: finnishHeaders, rows: [row] }, options(existing)).rows[0]!;

	it('updates the name, title and positions, recording only what changes', () => {
		const row = planOne(['Maija Virtanen', 'maija@vaala.fi', 'kunnanjohtaja', 'kunnanjohtaja', '']);
		expect(row.action).toBe('update');
		expect(row.changes).toEqual({
			before: {
				name: 'Maija Meikäläinen',
				title: 'hallintojohtaja',
				positions: ['administrative_director', 'management_team_member']
			},
			after: { name: 'Maija Virtanen', title: 'kunnanjohtaja', positions: ['municipal_manager'] }
		});
	});

	it('keeps a value whose cell is empty, the language too', () => {
		const row = planOne(['Maija Meikäläinen', 'maija@vaala.fi', '', '', '']);
		expect(row.action).toBe('unchanged');
		expect(row.changes).toBeNull();
		expect(row.values).toMatchObject({ title: 'hallintojohtaja', locale: 'sv' });
	});

	it('sees the same positions in another order as unchanged', () => {
		const row = planOne([
			'Maija Meikäläinen',
			'maija@vaala.fi',
			'hallintojohtaja',
			'johtoryhmän jäsen, administrative_director',
			'ruotsi'
		]);
		expect(row.action).toBe('unchanged');
	});
});

describe('positions and languages as written', () => {
	it('finds every label and code of every position', () => {
		for (const position of POSITIONS) {
			expect(positionOfLabel(position)).toBe(position);
			for (const locale of LOCALES) {
				expect(positionOfLabel(POSITION_LABELS[position][locale])).toBe(position);
			}
		}
	});

	it.each([
		['valtuutettu', 'council_member'],
		['Valtuuston jäsen', 'council_member'],
		['Valtuuston 1. varapuheenjohtaja', 'council_vice_chair'],
		['KAUPUNGINHALLITUKSEN PUHEENJOHTAJA', 'board_chair'],
		['Kaupunginjohtaja', 'municipal_manager'],
		['kommunstyrelseledamot', 'board_member'],
		['Board Member', 'board_member'],
		['councillor', 'council_member'],
		['yhdyshenkilo', 'contact_person']
	] as const)('%j is %s', (label, position) => {
		expect(positionOfLabel(label)).toBe(position);
	});

	it.each([
		['fi', 'fi'],
		['Suomi', 'fi'],
		['finska', 'fi'],
		['ruotsi', 'sv'],
		['Svenska', 'sv'],
		['sv-FI', 'sv'],
		['englanti', 'en'],
		['English', 'en'],
		['en_GB', 'en'],
		['se', undefined],
		['saame', undefined]
	] as const)('language %j is %s', (label, locale) => {
		expect(localeOfLabel(label)).toBe(locale);
	});

	it('gives the default language to a new person whose cell is empty', () => {
		const plan = planPeopleImport(
			{ headers: ['nimi', 'email'], rows: [['A', 'a@vaala.fi']] },
			{ ...options(), defaultLocale: 'sv' }
		);
		expect(plan.rows[0]?.values.locale).toBe('sv');
	});
});

describe('lines', () => {
	it('come from the reader, blank rows left out', () => {
		const plan = planPeopleImport(
			{
				headers: ['nimi', 'email'],
				rows: [
					['A', 'a@vaala.fi'],
					['', ''],
					['B', 'b']
				],
				lines: [3, 5, 9]
			},
			options()
		);
		expect(plan.rows.map((r) => r.line)).toEqual([3, 9]);
	});
});

describe('helpers', () => {
	it('lists the addresses to look up, normalised and once each', () => {
		expect(
			emailsOfTable({
				headers: ['x', 'E-mail'],
				rows: [
					['', 'A@x.fi'],
					['', 'a@x.fi '],
					['', ''],
					['', 'mailto:b@x.fi']
				]
			})
		).toEqual(['a@x.fi', 'b@x.fi']);
		expect(emailsOfTable({ headers: ['nimi'], rows: [['a@x.fi']] })).toEqual([]);
	});

	it('marks the rows of an address the database refused', () => {
		const plan = planPeopleImport(
			{
				headers: ['nimi', 'email'],
				rows: [
					['A', 'a@vaala.fi'],
					['B', 'b@vaala.fi']
				]
			},
			options()
		);
		const refused = withEmailTaken(plan, 'b@vaala.fi');
		expect(refused.rows[1]).toMatchObject({
			action: 'invalid',
			errors: [{ code: 'email_taken', field: 'email' }]
		});
		expect(refused.summary).toEqual({ create: 1, update: 0, unchanged: 0, invalid: 1 });
		expect(isImportable(refused)).toBe(false);
	});
});

describe('every plan', () => {
	const names = fc.constantFrom('Maija Meikäläinen', 'Olli', '', ' ', 'x\u0007', 'A'.repeat(201));
	const emails = fc.constantFrom(
		'a@vaala.fi',
		'A@vaala.fi',
		'b@vaala.fi',
		'c@vaala.fi',
		'oulu@oulu.fi',
		'staff@kuntaliitto.fi',
		'bad',
		''
	);
	const titles = fc.constantFrom('', 'kehittäjä', 'y'.repeat(201));
	const positions = fc.constantFrom('', 'developer', 'kehittäjä; valtuutettu', 'pomo');
	const languages = fc.constantFrom('', 'sv', 'English', 'klingon');
	const row = fc.tuple(names, emails, titles, positions, languages);
	const existing = fc.record({
		'a@vaala.fi': fc.option(fc.constant({ municipalityCode: VAALA, name: 'Olli' })),
		'oulu@oulu.fi': fc.constant({ municipalityCode: OULU }),
		'staff@kuntaliitto.fi': fc.constant({ municipalityCode: null })
	});

	it('accounts for every non-blank row, and never writes a row with errors', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 30 }), existing, (rows, known) => {
				const found = Object.fromEntries(
					Object.entries(known).filter(([, v]) => v !== null)
				) as Record<string, Partial<ExistingPerson>>;
				const plan = planPeopleImport({ headers: finnishHeaders, rows }, options(found));
				if (plan.fileErrors.length > 0) {
					expect(plan.fileErrors).toEqual([{ code: 'no_rows' }]);
					return;
				}
				const { create, update, unchanged, invalid } = plan.summary;
				expect(create + update + unchanged + invalid).toBe(plan.rows.length);
				for (const r of plan.rows) {
					expect(r.errors.length > 0).toBe(r.action === 'invalid');
					expect(r.changes !== null).toBe(r.action === 'update');
				}
				const written = plan.rows.filter((r) => r.action !== 'invalid');
				const addresses = written.map((r) => r.values.email);
				expect(new Set(addresses).size).toBe(addresses.length);
				for (const r of written) {
					const other = found[r.values.email];
					expect(r.action === 'create').toBe(other === undefined);
					if (other) expect(other.municipalityCode).toBe(VAALA);
				}
				expect(isImportable(plan)).toBe(invalid === 0 && plan.rows.length > 0);
			})
		);
	});
});
