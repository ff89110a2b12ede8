import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	checkRegistryFiles,
	effectiveDateOf,
	isEmptyPlan,
	isIsoDate,
	parseMunicipalityChanges,
	parseRegistryCsv,
	planRegistryImport,
	RegistryFileError,
	toMunicipalityRecord,
	type ExistingMunicipality,
	type MunicipalityChange,
	type MunicipalityRow,
	type RegistryImportPlan
} from './registry-import';

const dataFile = (name: string) => readFileSync(path.resolve('data', name), 'utf8');
const registryText = dataFile('municipalities_fi_2025.csv');
const abolishedText = dataFile('municipalities_abolished.csv');
const changesText = dataFile('municipality_changes.csv');

const [header, ...lines] = registryText.trimEnd().split(/\r?\n/);
const csv = (...rows: string[]) => [header, ...rows].join('\n') + '\n';
const lineOf = (code: string) => lines.find((l) => l.startsWith(`${code},`))!;
/** A line of the real file with some columns replaced; a negative index counts from the end. */
function edit(code: string, changes: Record<number, string>): string {
	const fields = lineOf(code).split(',');
	// a quoted comma (Helsinki's language status) splits a field: count those from the end
	for (const [i, v] of Object.entries(changes)) {
		const index = Number(i);
		fields[index < 0 ? fields.length + index : index] = v;
	}
	return fields.join(',');
}
const POPULATION = -1;

const real = parseRegistryCsv(registryText);
const rowOf = (code: string) => real.rows.find((r) => r.code === code)!;

/** What the database holds after a plan is applied, as the import use case writes it. */
function apply(existing: ExistingMunicipality[], plan: RegistryImportPlan): ExistingMunicipality[] {
	const rows = new Map(existing.map((m) => [m.code, { ...m }]));
	for (const m of plan.added) rows.set(m.code, { ...m });
	for (const c of plan.changed) Object.assign(rows.get(c.code)!, c.after);
	for (const a of plan.abolished) {
		Object.assign(rows.get(a.code)!, { abolishedOn: a.on, mergedInto: a.mergedInto });
	}
	return [...rows.values()];
}

describe('parseRegistryCsv on the shipped 2025 file', () => {
	it('reads all 308 municipalities without errors', () => {
		expect(real.errors).toEqual([]);
		expect(real.rows).toHaveLength(308);
		expect(real.populationDate).toBe('2024-12-31');
		expect(real.rows.reduce((sum, r) => sum + r.population!, 0)).toBe(5_635_971);
	});

	it('gives Vaala and Helsinki as the README says', () => {
		expect(rowOf('785')).toMatchObject({
			nameFi: 'Vaala',
			regionFi: 'Pohjois-Pohjanmaa',
			population: 2_581,
			populationDate: '2024-12-31'
		});
		expect(toMunicipalityRecord(rowOf('785')).sizeClass).toBe(2);
		expect(rowOf('091')).toMatchObject({ nameSv: 'Helsingfors', population: 684_018 });
		expect(toMunicipalityRecord(rowOf('091')).searchKey).toBe('helsinki helsingfors');
	});

	it('keeps codes as text with their leading zeros and trims stray spaces', () => {
		expect(real.rows[0]!.code).toBe('005');
		expect(rowOf('081').nameSv).toBe('Gustav Adolfs');
		expect(rowOf('090').wellbeingCountySv).toBe('Norra Karelens välfärdsområde');
	});

	it('has no Pertunmaa: it merged into Mäntyharju on 1.1.2025', () => {
		expect(real.rows.some((r) => r.code === '588')).toBe(false);
		expect(rowOf('507').nameFi).toBe('Mäntyharju');
	});
});

describe('parseRegistryCsv on broken files', () => {
	it('tolerates a byte order mark and CRLF line ends', () => {
		const result = parseRegistryCsv(`\uFEFF${csv(lineOf('785'))}`.replace(/\n/g, '\r\n'));
		expect(result.errors).toEqual([]);
		expect(result.rows[0]!.code).toBe('785');
	});

	it('names every missing column', () => {
		const text = registryText.replace('name_sv,', '').replace('population_2024_12_31', 'asukkaat');
		const result = parseRegistryCsv(text);
		expect(result.rows).toEqual([]);
		expect(result.errors).toEqual([
			{ line: 1, message: 'missing columns: name_sv, population_YYYY_MM_DD' }
		]);
	});

	it('takes the population date from the column name', () => {
		const text = csv(lineOf('785')).replace('population_2024_12_31', 'population_2025_06_30');
		expect(parseRegistryCsv(text).rows[0]!.populationDate).toBe('2025-06-30');
		const impossible = text.replace('population_2025_06_30', 'population_2025_02_30');
		expect(parseRegistryCsv(impossible).errors[0]!.message).toMatch(/not name a real date/);
	});

	it('refuses a code without its leading zeros', () => {
		const result = parseRegistryCsv(csv(edit('091', { 0: '91' })));
		expect(result.errors).toEqual([
			{ line: 2, message: expect.stringMatching(/^code "91": must be three digits/) }
		]);
	});

	it('refuses a duplicate code and says where the first one is', () => {
		const result = parseRegistryCsv(csv(lineOf('785'), lineOf('091'), lineOf('785')));
		expect(result.errors).toEqual([{ line: 4, message: 'code 785 is already on line 2' }]);
	});

	it('refuses a population that is not a whole number', () => {
		const result = parseRegistryCsv(
			csv(
				edit('785', { [POPULATION]: '2 581' }),
				edit('091', { [POPULATION]: 'n/a' }),
				edit('005', { [POPULATION]: '-4' }),
				edit('009', { [POPULATION]: '' })
			)
		);
		expect(result.rows).toEqual([]);
		expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
		expect(result.errors[0]!.message).toMatch(/^population_2024_12_31 "2 581": must be a whole/);
		expect(result.errors[3]!.message).toMatch(/must not be empty for a current municipality/);
	});

	it('refuses out-of-range classification codes and empty names, all in one go', () => {
		const result = parseRegistryCsv(csv(edit('785', { 1: ' ', 14: '4', 16: '0', 4: '7' })));
		expect(result.errors.map((e) => e.message.split(':')[0])).toEqual([
			'name_fi " "',
			'region_code "7"',
			'language_status_code "4"',
			'municipality_group_code "0"'
		]);
	});

	it('refuses a record with too few fields, an empty file and a semicolon file', () => {
		expect(parseRegistryCsv(csv('785,Vaala')).errors).toEqual([
			{ line: 2, message: 'has 2 fields where the header has 19' }
		]);
		expect(parseRegistryCsv('').errors).toEqual([{ line: 1, message: 'the file is empty' }]);
		expect(parseRegistryCsv(header!).errors[0]!.message).toMatch(/no municipalities/);
		const semicolons = parseRegistryCsv(csv(lineOf('785')).replace(/,/g, ';'));
		expect(semicolons.errors.map((e) => e.message).join()).toMatch(/semicolons/);
	});

	it('reports a broken quote with its line', () => {
		const result = parseRegistryCsv(csv(lineOf('785'), '091,"Helsinki'));
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]!.message).toMatch(/not readable as CSV/);
	});
});

describe('the shipped files of abolished municipalities and changes', () => {
	it('read Pertunmaa with its last population, merged into Mäntyharju on 1.1.2025', () => {
		const abolished = parseRegistryCsv(abolishedText, { allowEmptyPopulation: true });
		expect(abolished.errors).toEqual([]);
		expect(abolished.rows).toEqual([
			expect.objectContaining({
				code: '588',
				nameFi: 'Pertunmaa',
				regionFi: 'Etelä-Savo',
				subregionFi: 'Mikkeli',
				population: 1_527,
				populationDate: '2024-12-31'
			})
		]);
		const { changes, errors } = parseMunicipalityChanges(changesText);
		expect(errors).toEqual([]);
		expect(changes).toEqual([
			{
				code: '588',
				nameFi: 'Pertunmaa',
				nameSv: 'Pertunmaa',
				abolishedOn: '2025-01-01',
				mergedInto: '507'
			}
		]);
	});

	it('refuse an empty population in the file of current municipalities', () => {
		const withoutPopulation = abolishedText.replace(/,1527(\r?\n)/, ',$1');
		expect(parseRegistryCsv(withoutPopulation).errors).toHaveLength(1);
		expect(
			parseRegistryCsv(withoutPopulation, { allowEmptyPopulation: true }).rows[0]
		).toMatchObject({ code: '588', population: null, populationDate: null });
	});

	it('refuse a bad changes file', () => {
		const text = [
			'code,name_fi,name_sv,abolished_on,merged_into',
			'588,Pertunmaa,Pertunmaa,2025-02-30,507',
			'507,Mäntyharju,Mäntyharju,2025-01-01,507',
			'588,Pertunmaa,Pertunmaa,2025-01-01,',
			'1,X,X,2025-01-01,'
		].join('\n');
		const { changes, errors } = parseMunicipalityChanges(text);
		expect(errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
			[2, 'abolished_on "2025-02-30"'],
			[3, 'merged_into "507"'],
			[5, 'code "1"']
		]);
		expect(changes.map((c) => c.mergedInto)).toEqual([null]);
		expect(parseMunicipalityChanges('code,name_fi\n').errors[0]!.message).toBe(
			'missing columns: name_sv, abolished_on, merged_into'
		);
	});
});

const pertunmaaChange: MunicipalityChange = {
	code: '588',
	nameFi: 'Pertunmaa',
	nameSv: 'Pertunmaa',
	abolishedOn: '2025-01-01',
	mergedInto: '507'
};
const pertunmaa: ExistingMunicipality = toMunicipalityRecord({
	...rowOf('507'),
	code: '588',
	nameFi: 'Pertunmaa',
	nameSv: 'Pertunmaa',
	nameEn: 'Pertunmaa',
	population: 1_700,
	populationDate: '2023-12-31'
});
const current = real.rows.map((r) => toMunicipalityRecord(r));

describe('planRegistryImport', () => {
	it('adds every municipality to an empty registry, the abolished after their partners', () => {
		const abolished = parseRegistryCsv(abolishedText, { allowEmptyPopulation: true }).rows;
		const plan = planRegistryImport([], real.rows, [pertunmaaChange], '2025-01-01', { abolished });
		expect(plan.added).toHaveLength(309);
		expect(plan.added.at(-1)).toMatchObject({
			code: '588',
			abolishedOn: '2025-01-01',
			mergedInto: '507',
			population: 1_527,
			sizeClass: 2
		});
		expect(plan.added.find((m) => m.code === '785')).toMatchObject({
			sizeClass: 2,
			searchKey: 'vaala',
			abolishedOn: null
		});
		expect(plan).toMatchObject({ changed: [], abolished: [], unchanged: 0 });
	});

	it('plans nothing when the same file is imported again', () => {
		const plan = planRegistryImport(
			[...current, { ...pertunmaa, abolishedOn: '2025-01-01', mergedInto: '507' }],
			real.rows,
			[pertunmaaChange],
			'2025-01-01'
		);
		expect(isEmptyPlan(plan)).toBe(true);
		expect(plan.unchanged).toBe(308);
	});

	it('abolishes Pertunmaa into Mäntyharju when the 2025 file follows the 2024 registry', () => {
		const plan = planRegistryImport(
			[...current, pertunmaa],
			real.rows,
			[pertunmaaChange],
			'2025-01-01'
		);
		expect(plan.abolished).toEqual([
			{ code: '588', nameFi: 'Pertunmaa', mergedInto: '507', on: '2025-01-01' }
		]);
		expect(plan).toMatchObject({ added: [], changed: [], unchanged: 308 });
	});

	it('abolishes a missing municipality on the effective date when no change names it', () => {
		const plan = planRegistryImport([...current, pertunmaa], real.rows, [], '2025-01-01');
		expect(plan.abolished).toEqual([
			{ code: '588', nameFi: 'Pertunmaa', mergedInto: null, on: '2025-01-01' }
		]);
	});

	it('lists only the fields that changed, derived ones included', () => {
		const incoming = real.rows.map((r) =>
			r.code === '785'
				? { ...r, population: 3_012 }
				: r.code === '091'
					? { ...r, nameSv: 'Helsingfors stad' }
					: r
		);
		const plan = planRegistryImport(current, incoming, [], '2025-01-01');
		expect(plan.changed).toEqual([
			{
				code: '091',
				nameFi: 'Helsinki',
				before: { nameSv: 'Helsingfors', searchKey: 'helsinki helsingfors' },
				after: { nameSv: 'Helsingfors stad', searchKey: 'helsinki helsingfors stad' }
			},
			{
				code: '785',
				nameFi: 'Vaala',
				before: { population: 2_581, sizeClass: 2 },
				after: { population: 3_012, sizeClass: 3 }
			}
		]);
		expect(plan.unchanged).toBe(306);
	});

	it('restores a municipality that comes back', () => {
		const existing = current.map((m) =>
			m.code === '785' ? { ...m, abolishedOn: '2024-01-01', mergedInto: '091' } : m
		);
		const plan = planRegistryImport(existing, real.rows, [], '2025-01-01');
		expect(plan.changed).toEqual([
			{
				code: '785',
				nameFi: 'Vaala',
				before: { abolishedOn: '2024-01-01', mergedInto: '091' },
				after: { abolishedOn: null, mergedInto: null }
			}
		]);
	});

	it('corrects the merger of an already abolished municipality from the changes list', () => {
		const existing = [...current, { ...pertunmaa, abolishedOn: '2025-01-01', mergedInto: null }];
		const plan = planRegistryImport(existing, real.rows, [pertunmaaChange], '2025-01-01');
		expect(plan.changed).toEqual([
			{
				code: '588',
				nameFi: 'Pertunmaa',
				before: { mergedInto: null },
				after: { mergedInto: '507' }
			}
		]);
	});

	it('does not add an abolished-file row the registry already has', () => {
		const abolished = parseRegistryCsv(abolishedText, { allowEmptyPopulation: true }).rows;
		const plan = planRegistryImport(
			[...current, pertunmaa],
			real.rows,
			[pertunmaaChange],
			'2025-01-01',
			{
				abolished
			}
		);
		expect(plan.added).toEqual([]);
		expect(plan.abolished.map((a) => a.code)).toEqual(['588']);
	});
});

describe('checkRegistryFiles', () => {
	const abolished = parseRegistryCsv(abolishedText, { allowEmptyPopulation: true }).rows;

	it('accepts the shipped files', () => {
		expect(
			checkRegistryFiles({
				existing: [],
				incoming: real.rows,
				abolished,
				changes: [pertunmaaChange]
			})
		).toEqual([]);
	});

	it('finds what no single file shows', () => {
		const problems = checkRegistryFiles({
			existing: [],
			incoming: real.rows.filter((r) => r.code !== '507'),
			abolished: [...abolished, rowOf('785')],
			changes: [{ ...pertunmaaChange, nameFi: 'Pertunmaan kunta' }]
		});
		expect(problems.map((p) => p.message)).toEqual([
			'785 Vaala is also in the file of current municipalities',
			'588 is Pertunmaa in the registry but Pertunmaan kunta in the changes file',
			'588 Pertunmaan kunta merges into 507, which is no known municipality'
		]);
		expect(
			checkRegistryFiles({ existing: [], incoming: real.rows, abolished, changes: [] })[0]!.message
		).toMatch(/has no row in the changes file/);
	});

	it('makes a readable error of the problems', () => {
		const error = new RegistryFileError([
			{ file: 'registry', line: 4, message: 'code 785 is already on line 2' },
			{ file: 'changes', line: null, message: 'x' }
		]);
		expect(error.message).toBe(
			'The registry files have 2 problem(s):\n  - registry line 4: code 785 is already on line 2\n  - changes: x'
		);
	});
});

describe('dates', () => {
	it('takes effect the day after the population date', () => {
		expect(effectiveDateOf('2024-12-31')).toBe('2025-01-01');
		expect(effectiveDateOf('2024-02-28')).toBe('2024-02-29');
		expect(isIsoDate('2025-02-29')).toBe(false);
		expect(isIsoDate('2025-1-01')).toBe(false);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties over small random registries

const codes = fc.constantFrom('005', '009', '091', '507', '588', '785', '999');
const names = fc.constantFrom('Vaala', 'Helsinki', 'Åbo', 'Mäntyharju', 'Pertunmaa', 'Ii');
const rowArb: fc.Arbitrary<MunicipalityRow> = fc
	.record({
		code: codes,
		nameFi: names,
		nameSv: names,
		regionCode: fc.constantFrom('01', '10', '17'),
		languageStatus: fc.integer({ min: 0, max: 3 }),
		population: fc.option(fc.nat(200_000), { freq: 8 }),
		populationDate: fc.constantFrom('2023-12-31', '2024-12-31')
	})
	.map((r) => ({
		...rowOf('785'),
		...r,
		populationDate: r.population === null ? null : r.populationDate
	}));
const dateArb = fc.constantFrom('2024-01-01', '2025-01-01');
const existingArb: fc.Arbitrary<ExistingMunicipality[]> = fc.uniqueArray(
	fc
		.record({ row: rowArb, abolishedOn: fc.option(dateArb), mergedInto: fc.option(codes) })
		.map(({ row, abolishedOn, mergedInto }) =>
			toMunicipalityRecord(
				abolishedOn === null
					? { ...row, population: row.population ?? 0, populationDate: '2024-12-31' }
					: row,
				{ abolishedOn, mergedInto: abolishedOn === null ? null : mergedInto }
			)
		),
	{ selector: (m) => m.code }
);
const incomingArb = fc.uniqueArray(
	rowArb.map((r) => ({ ...r, population: r.population ?? 1, populationDate: '2024-12-31' })),
	{ selector: (r) => r.code }
);
const changesArb: fc.Arbitrary<MunicipalityChange[]> = fc.uniqueArray(
	fc.record({
		code: codes,
		nameFi: names,
		nameSv: names,
		abolishedOn: dateArb,
		mergedInto: fc.option(codes)
	}),
	{ selector: (c) => c.code }
);
const abolishedArb = fc.uniqueArray(rowArb, { selector: (r) => r.code });

describe('planRegistryImport properties', () => {
	it('plans nothing more once its plan is applied', () => {
		fc.assert(
			fc.property(
				existingArb,
				incomingArb,
				changesArb,
				abolishedArb,
				(existing, incoming, changes, abolished) => {
					const plan = planRegistryImport(existing, incoming, changes, '2025-01-01', { abolished });
					const after = apply(existing, plan);
					const again = planRegistryImport(after, incoming, changes, '2025-01-01', { abolished });
					expect(again).toEqual({
						added: [],
						changed: [],
						abolished: [],
						unchanged: incoming.length
					});
				}
			)
		);
	});

	it('accounts for every municipality of the file exactly once, and abolishes none of them', () => {
		fc.assert(
			fc.property(existingArb, incomingArb, changesArb, (existing, incoming, changes) => {
				const plan = planRegistryImport(existing, incoming, changes, '2025-01-01');
				const inFile = new Set(incoming.map((r) => r.code));
				const changedInFile = plan.changed.filter((c) => inFile.has(c.code)).length;
				expect(plan.added.length + changedInFile + plan.unchanged).toBe(incoming.length);
				expect(plan.abolished.filter((a) => inFile.has(a.code))).toEqual([]);
				const current = apply(existing, plan).filter((m) => m.abolishedOn === null);
				expect(current.map((m) => m.code).sort()).toEqual([...inFile].sort());
			})
		);
	});
});
