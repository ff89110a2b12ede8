import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { networks, roleAssignments, users } from '../db/schema';
import { userActor } from '../actor';
import { createUser } from '../users/create-user';
import { systemActor } from '../actor';
import { saveNetwork } from './save-network';

let database: Database;
let maija: { id: string; email: string };

beforeAll(async () => {
	database = await createTestDatabase();
	maija = await createUser(database.db, systemActor, { email: 'maija@example.fi', name: 'Maija' });
});
afterAll(() => database?.close());

const form = {
	shortName: 'KJ',
	slug: 'kuntajohtajat',
	nameFi: 'Kuntajohtajien verkosto',
	nameSv: 'Kommundirektörernas nätverk',
	nameEn: 'Municipal managers’ network',
	descriptionFi: '',
	descriptionSv: '',
	descriptionEn: '',
	publicContactEmail: null
};

describe('saving a network', () => {
	it('makes its creator its coordinator, and refuses a second network with the same identifier', async () => {
		const actor = { ...userActor(maija), userId: maija.id };
		const created = await saveNetwork(database.db, actor, form);
		expect(created.ok).toBe(true);
		const roles = await database.db
			.select()
			.from(roleAssignments)
			.where(eq(roleAssignments.userId, maija.id));
		expect(roles).toMatchObject([{ role: 'coordinator', networkId: created.ok ? created.id : '' }]);
		expect(await saveNetwork(database.db, actor, { ...form, shortName: 'X' })).toEqual({
			ok: false,
			error: 'slug_taken'
		});
		const [user] = await database.db.select().from(users).where(eq(users.id, maija.id));
		expect(user?.email).toBe('maija@example.fi');
	});

	it('keeps the public contact address, and clears it', async () => {
		const actor = { ...userActor(maija), userId: maija.id };
		const created = await saveNetwork(database.db, actor, {
			...form,
			slug: 'kuntajohtajat-2',
			publicContactEmail: 'kj-verkosto@example.fi'
		});
		const id = created.ok ? created.id : '';
		const stored = async () =>
			(await database.db.select().from(networks).where(eq(networks.id, id)))[0]?.publicContactEmail;
		expect(await stored()).toBe('kj-verkosto@example.fi');
		await saveNetwork(database.db, actor, { ...form, slug: 'kuntajohtajat-2' }, id);
		expect(await stored()).toBeNull();
	});
});
