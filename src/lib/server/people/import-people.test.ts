import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { userActor, type Actor } from '../actor';
import type { Database } from '../db/client';
import { auditLog, roleAssignments, users } from '../db/schema';
import { loadShippedRegistry } from '../registry/import-registry';
import { importPeople, previewPeopleImport } from './import-people';

const VAALA = '785';
const OULU = '564';
let database: Database;
let actor: Actor;

const csv = (text: string) => ({
	name: 'henkilot.csv',
	type: 'text/csv',
	bytes: new TextEncoder().encode(text)
});

async function xlsx(rows: string[][]) {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Personer');
	for (const row of rows) sheet.addRow(row);
	return {
		name: 'personer.xlsx',
		type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		bytes: new Uint8Array(await book.xlsx.writeBuffer())
	};
}

/** Everything an import may write, to check that a refused one wrote nothing. */
async function snapshot() {
	const db = database.db;
	const [people] = await db.select({ n: count() }).from(users);
	const [entries] = await db.select({ n: count() }).from(auditLog);
	const [roles] = await db.select({ n: count() }).from(roleAssignments);
	const rows = await db
		.select({
			email: users.email,
			name: users.name,
			title: users.title,
			positions: users.positions
		})
		.from(users)
		.orderBy(users.email);
	return { people: people!.n, entries: entries!.n, roles: roles!.n, rows };
}

beforeAll(async () => {
	database = await createTestDatabase();
	await loadShippedRegistry(database.db);
	const [contact] = await database.db
		.insert(users)
		.values([
			{ email: 'yhteys@vaala.fi', name: 'Yhteys Henkilö', municipalityCode: VAALA },
			{ email: 'oulu@ouka.fi', name: 'Oulun Henkilö', municipalityCode: OULU },
			{ email: 'koordinaattori@kuntaliitto.fi', name: 'Kaija Koordinaattori' }
		])
		.returning();
	actor = userActor(contact!);
});
afterAll(() => database?.close());

const goodFile = [
	'Nimi;Sähköposti;Tehtävänimike;Asemat;Kieli',
	'Maija Meikäläinen;Maija.Meikalainen@vaala.fi;hallintojohtaja;hallintojohtaja, johtoryhmän jäsen;',
	'Olli Ovela;olli.ovela@vaala.fi;;kunnanhallituksen jäsen;ruotsi',
	'Kaisa Kehittäjä;kaisa@vaala.fi;kehittämispäällikkö;kehittäjä; '
].join('\r\n');

describe('importing a municipality’s people', () => {
	it('previews a good file without writing anything', async () => {
		const before = await snapshot();
		const plan = await previewPeopleImport(database.db, VAALA, csv(goodFile), 'fi');
		expect(plan.fileErrors).toEqual([]);
		expect(plan.summary).toEqual({ create: 3, update: 0, unchanged: 0, invalid: 0 });
		expect(await snapshot()).toEqual(before);
	});

	it('creates the people of a good file with their positions, each audited', async () => {
		const result = await importPeople(database.db, actor, VAALA, csv(goodFile), 'fi');
		expect(result).toMatchObject({ ok: true, created: 3, updated: 0 });

		const people = await database.db
			.select()
			.from(users)
			.where(and(eq(users.municipalityCode, VAALA), like(users.email, '%@vaala.fi')))
			.orderBy(users.email);
		expect(people.map((p) => [p.email, p.name, p.title, p.positions, p.locale])).toEqual([
			['kaisa@vaala.fi', 'Kaisa Kehittäjä', 'kehittämispäällikkö', ['developer'], 'fi'],
			[
				'maija.meikalainen@vaala.fi',
				'Maija Meikäläinen',
				'hallintojohtaja',
				['administrative_director', 'management_team_member'],
				'fi'
			],
			['olli.ovela@vaala.fi', 'Olli Ovela', '', ['board_member'], 'sv'],
			['yhteys@vaala.fi', 'Yhteys Henkilö', '', [], 'fi']
		]);

		const maija = people.find((p) => p.email === 'maija.meikalainen@vaala.fi')!;
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'person.create'), eq(auditLog.entityId, maija.id)));
		expect(entry).toMatchObject({
			actorLabel: 'yhteys@vaala.fi',
			entityType: 'user',
			after: {
				email: 'maija.meikalainen@vaala.fi',
				name: 'Maija Meikäläinen',
				municipalityCode: VAALA,
				title: 'hallintojohtaja',
				positions: ['administrative_director', 'management_team_member'],
				locale: 'fi',
				roles: [{ role: 'participant', networkId: null, municipalityCode: VAALA }]
			}
		});
		const roles = await database.db
			.select()
			.from(roleAssignments)
			.where(eq(roleAssignments.userId, maija.id));
		expect(roles).toMatchObject([{ role: 'participant', municipalityCode: VAALA }]);
		const [created] = await database.db
			.select({ n: count() })
			.from(auditLog)
			.where(eq(auditLog.action, 'person.create'));
		expect(created!.n).toBe(3);
	});

	it('updates the same people when a file (here XLSX in Swedish) is imported again', async () => {
		const file = await xlsx([
			['Namn', 'E-post', 'Titel', 'Positioner'],
			['Maija Virtanen', 'maija.meikalainen@vaala.fi', '', ''],
			['Olli Ovela', 'olli.ovela@vaala.fi', '', 'kommunstyrelsens ordförande'],
			['Kaisa Kehittäjä', 'kaisa@vaala.fi', 'kehittämispäällikkö', 'utvecklare'],
			['Nils Nyman', 'nils@vaala.fi', 'utvecklare', 'utvecklare']
		]);
		const preview = await previewPeopleImport(database.db, VAALA, file, 'sv');
		expect(preview.summary).toEqual({ create: 1, update: 2, unchanged: 1, invalid: 0 });

		const result = await importPeople(database.db, actor, VAALA, file, 'sv');
		expect(result).toMatchObject({ ok: true, created: 1, updated: 2 });

		const [maija] = await database.db
			.select()
			.from(users)
			.where(eq(users.email, 'maija.meikalainen@vaala.fi'));
		// the empty cells kept her title and positions
		expect(maija).toMatchObject({
			name: 'Maija Virtanen',
			title: 'hallintojohtaja',
			positions: ['administrative_director', 'management_team_member']
		});
		const updates = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'person.update'))
			.orderBy(auditLog.id);
		expect(updates.map((u) => [u.before, u.after])).toEqual([
			[{ name: 'Maija Meikäläinen' }, { name: 'Maija Virtanen' }],
			[{ positions: ['board_member'] }, { positions: ['board_chair'] }]
		]);
		const [nils] = await database.db.select().from(users).where(eq(users.email, 'nils@vaala.fi'));
		expect(nils?.locale).toBe('sv');
	});

	it('writes nothing from a file with one bad row, and the preview shows that row’s error', async () => {
		const file = csv(
			[
				'nimi;sähköposti;asemat',
				'Uusi Ihminen;uusi@vaala.fi;kehittäjä',
				'Maija Virtanen;maija.meikalainen@vaala.fi;kunnanjohtaja',
				'Virheellinen;virheellinen@vaala.fi;pomo',
				'Toinen Uusi;toinen@vaala.fi;'
			].join('\n')
		);
		const preview = await previewPeopleImport(database.db, VAALA, file, 'fi');
		expect(preview.rows.filter((r) => r.errors.length)).toEqual([
			expect.objectContaining({
				line: 4,
				action: 'invalid',
				errors: [{ code: 'position_unknown', field: 'positions', params: { value: 'pomo' } }]
			})
		]);

		const before = await snapshot();
		const result = await importPeople(database.db, actor, VAALA, file, 'fi');
		expect(result.ok).toBe(false);
		expect(result.plan.summary).toEqual({ create: 2, update: 1, unchanged: 0, invalid: 1 });
		expect(await snapshot()).toEqual(before);
	});

	it('refuses an address of another municipality or of network staff', async () => {
		const file = csv(
			[
				'nimi;sähköposti',
				'Vaalan Uusi;vaalan.uusi@vaala.fi',
				'Oulun Henkilö;OULU@ouka.fi',
				'Kaija;koordinaattori@kuntaliitto.fi'
			].join('\n')
		);
		const before = await snapshot();
		const result = await importPeople(database.db, actor, VAALA, file, 'fi');
		expect(result.ok).toBe(false);
		expect(result.plan.rows.map((r) => r.errors.map((e) => e.code))).toEqual([
			[],
			['email_taken'],
			['email_taken']
		]);
		// nothing of the other municipality's person is shown to this one
		expect(result.plan.rows[1]?.values).toMatchObject({ name: 'Oulun Henkilö', title: '' });
		expect(JSON.stringify(result)).not.toContain(OULU);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses a file that is no CSV or XLSX, writing nothing', async () => {
		const before = await snapshot();
		const result = await importPeople(
			database.db,
			actor,
			VAALA,
			{ name: 'henkilot.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF') },
			'fi'
		);
		expect(result).toEqual({
			ok: false,
			plan: expect.objectContaining({ fileErrors: [{ code: 'file_type' }], rows: [] })
		});
		expect(await snapshot()).toEqual(before);
	});

	it('turns an address added by someone else meanwhile into email_taken, writing nothing', async () => {
		// Another session adds the address between our look-up and our insert: a trigger
		// does it here, inside the same statement, as no second connection is at hand on PGlite.
		await database.db.execute(sql`
			create function add_rival() returns trigger language plpgsql as $$
			begin
				if new.email = 'kilpa@vaala.fi' and new.name <> 'Kilpailija' then
					insert into users (email, name, municipality_code) values (new.email, 'Kilpailija', '564');
				end if;
				return new;
			end $$`);
		await database.db.execute(
			sql`create trigger add_rival before insert on users for each row execute function add_rival()`
		);
		try {
			const before = await snapshot();
			const file = csv('nimi;email\nEka;eka@vaala.fi\nKilpa;kilpa@vaala.fi\n');
			const result = await importPeople(database.db, actor, VAALA, file, 'fi');
			expect(result.ok).toBe(false);
			expect(result.plan.rows.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
				[2, []],
				[3, ['email_taken']]
			]);
			expect(await snapshot()).toEqual(before);
		} finally {
			await database.db.execute(sql`drop trigger add_rival on users`);
			await database.db.execute(sql`drop function add_rival()`);
		}
	});

	it('gives an address to only one of two imports running at once', async () => {
		// on PostgreSQL the second insert waits for the first and meets the unique index;
		// on PGlite the transactions take turns and the second one's plan sees the address
		const [a, b] = await Promise.all([
			importPeople(database.db, actor, VAALA, csv('nimi;email\nA;sama@example.fi\n'), 'fi'),
			importPeople(database.db, actor, OULU, csv('nimi;email\nB;sama@example.fi\n'), 'fi')
		]);
		expect([a.ok, b.ok].sort()).toEqual([false, true]);
		const refused = a.ok ? b : a;
		expect(refused.plan.rows[0]?.errors).toEqual([{ code: 'email_taken', field: 'email' }]);
		const holders = await database.db
			.select()
			.from(users)
			.where(eq(users.email, 'sama@example.fi'));
		expect(holders).toHaveLength(1);
	});

	it('imports 2,000 people at once', async () => {
		const lines = ['nimi;sähköposti;asemat'];
		for (let i = 0; i < 2000; i++) lines.push(`Henkilö ${i};h${i}@massa.vaala.fi;valtuutettu`);
		const result = await importPeople(database.db, actor, VAALA, csv(lines.join('\n')), 'fi');
		expect(result).toMatchObject({ ok: true, created: 2000 });
		const [people] = await database.db
			.select({ n: count() })
			.from(users)
			.where(like(users.email, '%@massa.vaala.fi'));
		const [entries] = await database.db
			.select({ n: count() })
			.from(auditLog)
			.where(
				inArray(
					auditLog.entityId,
					database.db
						.select({ id: sql<string>`${users.id}::text` })
						.from(users)
						.where(like(users.email, '%@massa.vaala.fi'))
				)
			);
		expect([people!.n, entries!.n]).toEqual([2000, 2000]);
	});
});
