import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { coordinatorActor, contactOf } from '../../../../tests/factories/workshops';
import { memberBilling, withoutDemoBilling } from '../../../../tests/factories/billing';
import { auditLog } from '../db/schema';
import { getMemberBillingDetails } from './billing-details';
import { saveMemberBillingDetails } from './save-member-billing-details';
import { checkMemberBillingDetails } from './check-member-billing-details';

/**
 * Vaala's billing details: its contact person fills them in, a coordinator checks them; a later
 * change by the contact person asks for a new check. Every save is in the audit log with what
 * it was before.
 */
let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	// the demo's own billing: these tests start from none
	await withoutDemoBilling(database.db);
});
afterAll(() => database?.close());

describe('a municipality’s billing details', () => {
	it('are saved by its contact person, checked by a coordinator, and changes are logged', async () => {
		const contact = await contactOf(database.db, '785');
		const coordinator = await coordinatorActor(database.db);
		const details = memberBilling('785', 'Vaalan kunta');
		// the demo's own entries for Vaala come before
		const [{ last } = { last: 0 }] = await database.db
			.select({ last: sql<number>`coalesce(max(${auditLog.id}), 0)::int` })
			.from(auditLog);
		await saveMemberBillingDetails(database.db, contact.actor, '785', details, {
			byCoordinator: false
		});
		expect((await getMemberBillingDetails(database.db, '785'))?.checkedAt).toBeNull();

		expect(await checkMemberBillingDetails(database.db, coordinator, '785')).toEqual({ ok: true });
		expect((await getMemberBillingDetails(database.db, '785'))?.checkedBy).toBe(coordinator.userId);

		await saveMemberBillingDetails(
			database.db,
			contact.actor,
			'785',
			{ ...details, buyerReference: 'UUSI-VIITE' },
			{ byCoordinator: false }
		);
		const after = await getMemberBillingDetails(database.db, '785');
		expect(after).toMatchObject({ buyerReference: 'UUSI-VIITE', checkedAt: null });

		const entries = await database.db
			.select()
			.from(auditLog)
			.where(
				and(
					eq(auditLog.entityType, 'municipality'),
					eq(auditLog.entityId, '785'),
					gt(auditLog.id, last)
				)
			)
			.orderBy(auditLog.id);
		const billing = entries.filter((e) => e.action.startsWith('billing.'));
		expect(billing.map((e) => e.action)).toEqual([
			'billing.member_details',
			'billing.member_details_checked',
			'billing.member_details'
		]);
		expect(billing[2]).toMatchObject({
			before: { buyerReference: 'KUNTA-785' },
			after: { buyerReference: 'UUSI-VIITE' }
		});
	});

	it('cannot be checked before there are any', async () => {
		const coordinator = await coordinatorActor(database.db);
		expect(await checkMemberBillingDetails(database.db, coordinator, '205')).toEqual({ ok: false });
	});
});
