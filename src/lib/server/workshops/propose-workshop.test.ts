import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { NOW, peopleOf } from '../../../../tests/factories/events';
import {
	COORDINATOR,
	contactOf,
	demoExpert,
	participantsOf,
	proposal,
	proposed,
	uso7FocusAreas,
	uso7Membership,
	workshopRow,
	withoutDemoWorkshops
} from '../../../../tests/factories/workshops';
import { auditLog, workshops } from '../db/schema';
import { systemActor } from '../actor';
import { proposeWorkshop } from './propose-workshop';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoWorkshops(database.db);
});
afterAll(() => database?.close());

const countOf = async (membershipId: string) =>
	(
		await database.db
			.select({ id: workshops.id })
			.from(workshops)
			.where(eq(workshops.membershipId, membershipId))
	).length;

describe('a contact person proposing a workshop', () => {
	it('proposes for their own municipality, with a focus area and participants, audited', async () => {
		const vaala = await uso7Membership(database.db, '785');
		const contact = await contactOf(database.db, '785');
		const [area] = await uso7FocusAreas(database.db);
		const people = await peopleOf(database.db, '785');
		const mikko = people.get('Mikko Mäkelä')!;
		const result = await proposeWorkshop(
			database.db,
			contact.actor,
			contact.as,
			proposal(vaala.id, { focusAreaId: area!.id, participantIds: [mikko.id, mikko.id] }),
			NOW
		);
		expect(result).toMatchObject({ ok: true, extra: false });
		if (!result.ok) return;
		expect(await workshopRow(database.db, result.workshopId)).toMatchObject({
			state: 'proposed',
			focusAreaId: area!.id,
			need: 'Strategian jalkauttaminen arkeen',
			proposedBy: contact.actor.userId,
			extra: false
		});
		expect(await participantsOf(database.db, result.workshopId)).toEqual([
			{ userId: mikko.id, attended: null }
		]);
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'workshop'), eq(auditLog.entityId, result.workshopId)));
		expect(entry).toMatchObject({ action: 'workshop.propose', actorId: contact.actor.userId });
	});

	it('refuses another municipality’s contact person and an expert, writing nothing', async () => {
		const vaala = await uso7Membership(database.db, '785');
		const before = await countOf(vaala.id);
		const kajaani = await contactOf(database.db, '205');
		const expert = await demoExpert(database.db);
		expect(
			await proposeWorkshop(database.db, kajaani.actor, kajaani.as, proposal(vaala.id), NOW)
		).toEqual({ ok: false, error: 'other_municipality' });
		expect(
			await proposeWorkshop(database.db, expert.actor, expert.as, proposal(vaala.id), NOW)
		).toEqual({ ok: false, error: 'role_not_allowed' });
		expect(await countOf(vaala.id)).toBe(before);
	});

	it('refuses a membership that is not active, a season that is over, and an unknown membership', async () => {
		const decided = await uso7Membership(database.db, '710');
		expect(
			await proposeWorkshop(database.db, systemActor, COORDINATOR, proposal(decided.id), NOW)
		).toEqual({ ok: false, error: 'membership_not_active' });
		const kajaani = await uso7Membership(database.db, '205');
		expect(
			await proposeWorkshop(
				database.db,
				systemActor,
				COORDINATOR,
				proposal(kajaani.id),
				new Date('2025-01-01T10:00:00Z')
			)
		).toEqual({ ok: false, error: 'season_over' });
		expect(
			await proposeWorkshop(
				database.db,
				systemActor,
				COORDINATOR,
				proposal('00000000-0000-4000-8000-000000000009'),
				NOW
			)
		).toEqual({ ok: false, error: 'not_found' });
	});

	it('refuses a focus area of no season of its own and another municipality’s people, field by field', async () => {
		const kajaani = await uso7Membership(database.db, '205');
		const vaalaPerson = [...(await peopleOf(database.db, '785')).values()][0]!;
		const before = await countOf(kajaani.id);
		expect(
			await proposeWorkshop(
				database.db,
				systemActor,
				COORDINATOR,
				proposal(kajaani.id, {
					focusAreaId: '00000000-0000-4000-8000-000000000009',
					participantIds: [vaalaPerson.id]
				}),
				NOW
			)
		).toEqual({
			ok: false,
			error: 'fields',
			fields: { focusAreaId: 'invalidChoice', participantIds: 'invalidChoice' }
		});
		expect(await countOf(kajaani.id)).toBe(before);
	});
});

describe('the entitlement', () => {
	it('takes five; the sixth is refused, then proposed as an extra; an extra is refused while one is left', async () => {
		const suomussalmi = await uso7Membership(database.db, '777');
		const contact = await contactOf(database.db, '777');
		for (let i = 0; i < 4; i++) await proposed(database.db, suomussalmi.id);
		expect(
			await proposeWorkshop(
				database.db,
				contact.actor,
				contact.as,
				proposal(suomussalmi.id, { asExtra: true }),
				NOW
			)
		).toEqual({ ok: false, error: 'extra_not_needed' });
		expect(
			await proposeWorkshop(database.db, contact.actor, contact.as, proposal(suomussalmi.id), NOW)
		).toMatchObject({ ok: true, extra: false });
		expect(
			await proposeWorkshop(database.db, contact.actor, contact.as, proposal(suomussalmi.id), NOW)
		).toEqual({ ok: false, error: 'entitlement_used' });
		const extra = await proposeWorkshop(
			database.db,
			contact.actor,
			contact.as,
			proposal(suomussalmi.id, { asExtra: true }),
			NOW
		);
		expect(extra).toMatchObject({ ok: true, extra: true });
		expect(await countOf(suomussalmi.id)).toBe(6);
	});
});
