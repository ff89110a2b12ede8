import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { withoutDemoWorkshops } from '../../../../tests/factories/workshops';
import { uso7 } from '../../../../tests/factories/events';
import { memberships, seasons, workshops } from '../db/schema';

/**
 * The table's checks refuse a workshop whose facts do not fit its state, whatever a use case
 * does: the last line of defence behind the domain rules (ADR 018).
 */
let database: TestDatabase;
let seasonId: string;
let membershipId: string;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoWorkshops(database.db);
	({ seasonId } = await uso7(database.db));
	const [row] = await database.db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.seasonId, seasonId), eq(memberships.municipalityCode, '785')));
	membershipId = row!.id;
});
afterAll(() => database?.close());

const base = () => ({
	membershipId,
	seasonId,
	need: 'Strategian jalkauttaminen',
	goal: 'Yhteinen toimeenpanosuunnitelma',
	format: 'on_site' as const
});
const start = new Date('2024-04-10T07:00:00Z');
const end = new Date('2024-04-10T11:00:00Z');

async function refused(values: Partial<typeof workshops.$inferInsert>, constraint: string) {
	const error = await database.db
		.insert(workshops)
		.values({ ...base(), ...values })
		.then(
			() => null,
			(e: unknown) => e
		);
	expect(error, constraint).not.toBeNull();
	const cause = (error as { cause?: { constraint?: string } }).cause;
	expect(cause?.constraint ?? String(error)).toContain(constraint);
}

describe('the workshops table', () => {
	it('takes a proposal with no time yet', async () => {
		const [row] = await database.db.insert(workshops).values(base()).returning();
		expect(row).toMatchObject({ state: 'proposed', extra: false, sequence: 0 });
	});

	it('refuses a season that is not its membership’s', async () => {
		const [other] = await database.db
			.select({ id: seasons.id })
			.from(seasons)
			.where(ne(seasons.id, seasonId))
			.limit(1);
		await refused({ seasonId: other!.id }, 'workshops_membership_season');
	});

	it('refuses an agreed or held workshop without its time, and an end before the start', async () => {
		await refused({ state: 'agreed', startsAt: start }, 'workshops_scheduled');
		await refused({ state: 'agreed', startsAt: end, endsAt: start }, 'workshops_period');
		await refused({ state: 'held', startsAt: start, endsAt: end }, 'workshops_held');
	});

	it('refuses a cancellation without who cancelled and when, and those facts on a live workshop', async () => {
		await refused({ state: 'cancelled', cancelledAt: start }, 'workshops_cancelled');
		await refused({ state: 'cancelled', cancellation: 'network' }, 'workshops_cancelled');
		await refused(
			{ state: 'proposed', cancellation: 'network', cancelledAt: start },
			'workshops_cancelled'
		);
	});

	it('refuses an extra agreed without the coordinator’s approval, and an approval of a non-extra', async () => {
		await refused(
			{ state: 'agreed', extra: true, startsAt: start, endsAt: end },
			'workshops_extra_approved'
		);
		await refused({ extra: false, extraApprovedAt: start }, 'workshops_extra_approved');
		const [row] = await database.db
			.insert(workshops)
			.values({
				...base(),
				state: 'agreed',
				extra: true,
				extraApprovedAt: start,
				startsAt: start,
				endsAt: end
			})
			.returning();
		expect(row?.extra).toBe(true);
	});
});
