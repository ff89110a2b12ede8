import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/setup/test-db';
import { coordinatorActor, demoExpert } from '../../../../../tests/factories/workshops';
import { approvedJourney, heldWorkshop, trainTicket } from '../../../../../tests/factories/travel';
import { requestEvent, sessionUserOf, statusOf } from '../../../../../tests/support/request-event';
import type { SessionUser } from '$lib/server/auth/session';
import { lendDatabase } from '$lib/server/db';
import { load } from './+page.server';
import { GET as exportFile } from './export/[format]/+server';
import { GET as receipt } from './receipts/[journeyId]/[lineId]/+server';
import { listMunicipalityCosts } from '$lib/server/workshops/travel/municipality-costs';

let database: TestDatabase | undefined;
let giveBack: (() => void) | undefined;

/**
 * Who reads Vaala's approved travel costs (/municipalities/785/travel-costs, its exports and
 * its receipts): coordinators, its contact person and its participants. Another municipality's
 * contact person is refused (403) and an anonymous visitor sent to sign in (303).
 */
let journeyId: string;
let lineId: string;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	giveBack = lendDatabase(database);
	const expert = await demoExpert(database.db);
	const workshop = await heldWorkshop(database.db, '785', new Date('2024-04-10T07:00:00Z'), expert);
	journeyId = await approvedJourney(
		database.db,
		expert,
		await coordinatorActor(database.db),
		[workshop],
		[trainTicket({ date: '2024-04-10' })]
	);
	const costs = await listMunicipalityCosts(database.db, '785', { from: null, to: null }, 1);
	lineId = costs.rows.find((r) => r.journeyId === journeyId)!.lines[0]!.id;
});
afterAll(async () => {
	giveBack?.();
	await database?.close();
});

async function statuses(user: SessionUser | null) {
	const params = { code: '785' };
	return {
		page: await statusOf(() =>
			load(requestEvent(user, '/municipalities/785/travel-costs', params))
		),
		csv: await statusOf(() =>
			exportFile(
				requestEvent(user, '/municipalities/785/travel-costs/export/csv', {
					...params,
					format: 'csv'
				})
			)
		),
		receipt: await statusOf(() =>
			receipt(
				requestEvent(user, `/municipalities/785/travel-costs/receipts/${journeyId}/${lineId}`, {
					...params,
					journeyId,
					lineId
				})
			)
		)
	};
}

describe('a municipality’s travel costs', () => {
	it('are read by its contact person, its participants and the coordinators', async () => {
		for (const email of [
			'yhteys-785@example.fi',
			'osallistuja-785@example.fi',
			'koordinaattori@example.fi'
		]) {
			const user = await sessionUserOf(database!.db, email);
			expect(await statuses(user)).toEqual({ page: 200, csv: 200, receipt: 200 });
		}
		const contact = await sessionUserOf(database!.db, 'yhteys-785@example.fi');
		const data = (await load(
			requestEvent(contact, '/municipalities/785/travel-costs', { code: '785' })
		)) as Awaited<ReturnType<typeof load>> & { costs: { rows: { journeyId: string }[] } };
		expect(data.costs.rows.map((r) => r.journeyId)).toContain(journeyId);
	});

	it('are refused to another municipality’s contact person, an expert and an anonymous visitor', async () => {
		const kajaani = await sessionUserOf(database!.db, 'yhteys-205@example.fi');
		expect(await statuses(kajaani)).toEqual({ page: 403, csv: 403, receipt: 403 });
		const expert = await sessionUserOf(database!.db, 'asiantuntija@example.fi');
		expect(await statuses(expert)).toEqual({ page: 403, csv: 403, receipt: 403 });
		expect(await statuses(null)).toEqual({ page: 303, csv: 303, receipt: 303 });
	});

	it('do not give Kajaani’s people Vaala’s receipt under Kajaani’s address', async () => {
		const kajaani = await sessionUserOf(database!.db, 'yhteys-205@example.fi');
		const status = await statusOf(() =>
			receipt(
				requestEvent(kajaani, `/municipalities/205/travel-costs/receipts/${journeyId}/${lineId}`, {
					code: '205',
					journeyId,
					lineId
				})
			)
		);
		expect(status).toBe(404);
	});
});
