import { spawn } from 'node:child_process';
import path from 'node:path';
import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { uso7 } from '../../../../tests/factories/events';
import {
	demoExpert,
	uso7Membership,
	withoutDemoWorkshops
} from '../../../../tests/factories/workshops';
import {
	USO_BILLING,
	billedCodes,
	memberBilling,
	seedBillingDetails,
	withoutDemoBilling
} from '../../../../tests/factories/billing';
import {
	invoiceLines,
	invoiceRunMembers,
	invoiceRuns,
	invoices,
	journeyLines,
	journeyShares,
	journeyWorkshops,
	journeys,
	municipalities,
	workshops
} from '../db/schema';
import { systemActor } from '../actor';
import { runDueJobs } from '../jobs/run-due-jobs';
import { referenceForInvoiceNumber } from '$lib/domain/billing/invoice-number';
import type { InvoiceKind } from '$lib/domain/billing/invoice-plan';
import { previewInvoiceRun } from './preview-invoice-run';
import { startInvoiceRun } from './start-invoice-run';
import { continueInvoiceRun } from './run-invoice-run';
import { saveMemberBillingDetails } from './save-member-billing-details';
import { saveNetworkBillingDetails } from './save-network-billing-details';

/**
 * Invoice runs on the demo's USO 7 (twelve members that decided to join or are active;
 * Suomussalmi, 777, without billing details at first; Pertunmaa, 588, merged into Mäntyharju,
 * here as a registry that keeps no population for it, which no fee tier can place): the
 * preview, a run stopped half-way and finished,
 * reruns that bill nothing twice, travel costs and extra workshops, two runs at once, and on
 * PostgreSQL a run whose process is killed in the middle of a member's transaction.
 */
let database: TestDatabase;
let seasonId: string;
let networkId: string;
let codes: string[];
const MISSING = '777';
/** Merged into Mäntyharju on 1.1.2025; here without a population, as an abolished row may be. */
const NO_POPULATION = '588';

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	// the demo's own billing, approved journeys and extras: these tests bill their own
	await withoutDemoBilling(database.db);
	await withoutDemoWorkshops(database.db);
	await database.db
		.update(municipalities)
		.set({ population: null, populationDate: null, sizeClass: null })
		.where(eq(municipalities.code, NO_POPULATION));
	({ seasonId, networkId } = await uso7(database.db));
	codes = await billedCodes(database.db, seasonId);
	await seedBillingDetails(
		database.db,
		networkId,
		codes.filter((c) => c !== MISSING)
	);
});
afterAll(() => database?.close());

/** The members that can be invoiced once every one has its billing details. */
const billable = () => codes.length - 1;

async function start(year: number, invoiceDate: string, kinds: InvoiceKind[] = ['fee']) {
	const started = await startInvoiceRun(database.db, systemActor, {
		seasonId,
		year,
		invoiceDate,
		kinds
	});
	if (!started.ok) throw new Error(started.error);
	return started.runId;
}

const feeInvoices = (year: number) =>
	database.db
		.select()
		.from(invoices)
		.where(and(eq(invoices.year, year), eq(invoices.kind, 'fee')))
		.orderBy(asc(invoices.sequence));

const runRow = async (runId: string) =>
	(await database.db.select().from(invoiceRuns).where(eq(invoiceRuns.id, runId)))[0]!;

describe('the preview', () => {
	it('shows each member its fee with the VAT in force on the invoice date, and who cannot be invoiced', async () => {
		const preview = await previewInvoiceRun(database.db, {
			networkId,
			seasonId,
			year: 2024,
			invoiceDate: '2024-01-15',
			kinds: ['fee'],
			page: 1
		});
		expect(preview.networkProblems).toEqual([]);
		expect(preview.total).toBe(codes.length);
		expect(preview.vatBasisPoints).toBe(2400);
		const vaala = preview.rows.find((r) => r.code === '785')!;
		expect(vaala.plan.ok).toBe(true);
		if (!vaala.plan.ok) return;
		expect(vaala.plan.invoices[0]!.totals).toMatchObject({
			netCents: 900_000,
			vatCents: 216_000,
			grossCents: 1_116_000
		});
		const missing = preview.rows.find((r) => r.code === MISSING)!;
		expect(missing.plan).toEqual({ ok: false, blockers: ['no_billing_details'] });
		const [written] = await database.db.select({ n: count() }).from(invoices);
		expect(written?.n).toBe(0);
	});

	it('takes 25,5 % for an invoice dated from 1 September 2024 on', async () => {
		const preview = await previewInvoiceRun(database.db, {
			networkId,
			seasonId,
			year: 2024,
			invoiceDate: '2024-09-02',
			kinds: ['fee'],
			page: 1
		});
		const vaala = preview.rows.find((r) => r.code === '785')!;
		expect(vaala.plan.ok && vaala.plan.invoices[0]!.totals.vatCents).toBe(229_500);
	});
});

describe('an invoice run', () => {
	it('stopped after four members is finished by running it again, with numbers 1..n', async () => {
		const runId = await start(2024, '2024-01-15');
		const first = await continueInvoiceRun(database.db, runId, { stopAfter: 4 });
		expect(first).toEqual({ state: 'running', billedNow: 4 });
		expect((await runRow(runId)).state).toBe('running');

		const second = await continueInvoiceRun(database.db, runId);
		expect(second.state).toBe('done');
		const skipped = await database.db
			.select({ membershipId: invoiceRunMembers.membershipId, reason: invoiceRunMembers.reason })
			.from(invoiceRunMembers)
			.where(and(eq(invoiceRunMembers.runId, runId), eq(invoiceRunMembers.state, 'skipped')));
		const missing = await uso7Membership(database.db, MISSING);
		const merged = await uso7Membership(database.db, NO_POPULATION);
		expect(skipped).toEqual(
			expect.arrayContaining([
				{ membershipId: missing.id, reason: 'no_billing_details' },
				{ membershipId: merged.id, reason: 'no_population' }
			])
		);
		expect(skipped).toHaveLength(2);
		const run = await runRow(runId);
		expect(run).toMatchObject({
			state: 'done',
			membersTotal: codes.length,
			membersBilled: billable() - 1,
			membersSkipped: 2,
			invoicesCreated: billable() - 1
		});
		const issued = await feeInvoices(2024);
		expect(issued.map((i) => i.sequence)).toEqual(
			Array.from({ length: billable() - 1 }, (_, i) => i + 1)
		);
		expect(new Set(issued.map((i) => i.membershipId)).size).toBe(issued.length);
		// numbered in the preview's order, by the municipality's name, across both calls
		const names = new Map(
			(
				await database.db
					.select({ code: municipalities.code, name: municipalities.nameFi })
					.from(municipalities)
					.where(inArray(municipalities.code, codes))
			).map((m) => [m.code, m.name])
		);
		const billedNames = issued.map((i) => names.get(i.municipalityCode)!);
		expect(billedNames).toEqual([...billedNames].sort());
		const vaala = issued.find((i) => i.municipalityCode === '785')!;
		expect(vaala).toMatchObject({
			grossCents: 1_116_000,
			vatCents: 216_000,
			dueDate: '2024-01-29'
		});
		expect(vaala.reference).toBe(
			(referenceForInvoiceNumber(vaala.number) as { value: string }).value
		);
		expect(vaala.buyer).toMatchObject({ name: 'Kunta 785', eInvoiceOperator: '003723327487' });
		const lines = await database.db
			.select()
			.from(invoiceLines)
			.where(eq(invoiceLines.invoiceId, vaala.id));
		expect(lines).toMatchObject([
			{
				description: 'Osallistumismaksu 2024, USO 7',
				quantityTenThousandths: 10_000,
				vatCategory: 'S',
				vatBasisPoints: 2400,
				netCents: 900_000,
				periodStart: '2024-01-01',
				periodEnd: '2024-12-31'
			}
		]);
	});

	it('run again for the same year bills only the member that was missing, with the next number', async () => {
		const member = await uso7Membership(database.db, MISSING);
		await saveMemberBillingDetails(
			database.db,
			systemActor,
			MISSING,
			memberBilling(MISSING, 'Kunta 777'),
			{ byCoordinator: false }
		);
		const runId = await start(2024, '2024-02-01');
		expect((await continueInvoiceRun(database.db, runId)).state).toBe('done');
		expect(await runRow(runId)).toMatchObject({
			membersBilled: 1,
			membersSkipped: codes.length - 1,
			invoicesCreated: 1
		});
		const issued = await feeInvoices(2024);
		expect(issued).toHaveLength(billable());
		expect(issued.at(-1)).toMatchObject({ membershipId: member.id, sequence: billable() });
	});

	it('keeps the buyer as issued when the municipality changes its details later', async () => {
		await saveMemberBillingDetails(
			database.db,
			systemActor,
			'785',
			{ ...memberBilling('785', 'Vaalan kunta'), buyerReference: 'UUSI' },
			{ byCoordinator: false }
		);
		const [vaala] = (await feeInvoices(2024)).filter((i) => i.municipalityCode === '785');
		expect(vaala).toMatchObject({ buyerReference: 'KUNTA-785', buyer: { name: 'Kunta 785' } });
	});

	it('is run by the invoice_run job', async () => {
		const runId = await start(2023, '2023-12-01');
		// the payment reminders of the invoices billed above are due by now too (ADR 025)
		for (let i = 0; i < 10; i++) {
			const result = await runDueJobs(database.db, {
				serverId: 'test',
				settings: {
					mail: { from: 'Verkosto <verkosto@example.fi>', log: false },
					publicOrigin: 'https://verkosto.example.fi'
				}
			});
			if (result.claimed === 0) break;
		}
		expect(await runRow(runId)).toMatchObject({ state: 'done', invoicesCreated: billable() });
		// numbered in the invoice date's year, its own series
		expect((await feeInvoices(2023)).map((i) => i.number)).toContain('2023-000001');
	});
});

describe('travel costs and extra workshops', () => {
	let shareJourney: string;
	let extraWorkshop: string;

	beforeAll(async () => {
		const vaala = await uso7Membership(database.db, '785');
		const expert = await demoExpert(database.db);
		const held = {
			membershipId: vaala.id,
			seasonId: vaala.seasonId,
			need: 'Strategian jalkauttaminen',
			goal: 'Yhteinen toimintamalli',
			format: 'on_site' as const,
			state: 'held' as const,
			startsAt: new Date('2024-04-10T07:00:00Z'),
			endsAt: new Date('2024-04-10T10:00:00Z'),
			heldAt: new Date('2024-04-10T11:00:00Z')
		};
		const [workshop] = await database.db.insert(workshops).values(held).returning();
		const [extra] = await database.db
			.insert(workshops)
			.values({ ...held, extra: true, extraApprovedAt: new Date('2024-03-01T10:00:00Z') })
			.returning();
		extraWorkshop = extra!.id;
		const [journey] = await database.db
			.insert(journeys)
			.values({
				expertId: expert.person.id,
				state: 'approved',
				fromPlace: 'Helsinki',
				toPlace: 'Vaala',
				grossCents: 12_400,
				vatCents: 2_400,
				netCents: 10_000
			})
			.returning();
		shareJourney = journey!.id;
		await database.db
			.insert(journeyWorkshops)
			.values({ journeyId: journey!.id, workshopId: workshop!.id });
		await database.db.insert(journeyLines).values({
			journeyId: journey!.id,
			position: 1,
			kind: 'train',
			day: '2024-04-10',
			grossCents: 12_400,
			vatCents: 2_400,
			vatBasisPoints: 2400,
			approvedGrossCents: 12_400,
			approvedVatCents: 2_400
		});
		await database.db.insert(journeyShares).values({
			journeyId: journey!.id,
			municipalityCode: '785',
			weight: 1,
			grossCents: 12_400,
			vatCents: 2_400,
			netCents: 10_000
		});
	});

	it('refuses the extra without a price, then bills the travel part and the extra once each', async () => {
		const blocked = await previewInvoiceRun(database.db, {
			networkId,
			seasonId,
			year: 2024,
			invoiceDate: '2024-10-01',
			kinds: ['travel', 'extra'],
			page: 1
		});
		expect(blocked.rows.find((r) => r.code === '785')!.plan).toEqual({
			ok: false,
			blockers: ['no_extra_fee']
		});

		await saveNetworkBillingDetails(database.db, systemActor, networkId, {
			...USO_BILLING,
			extraWorkshopFeeCents: 150_000
		});
		const runId = await start(2024, '2024-10-01', ['travel', 'extra']);
		expect((await continueInvoiceRun(database.db, runId)).state).toBe('done');
		const vaala = await database.db
			.select()
			.from(invoices)
			.where(and(eq(invoices.runId, runId), eq(invoices.municipalityCode, '785')))
			.orderBy(asc(invoices.kind));
		expect(vaala.map((i) => [i.kind, i.netCents, i.vatCents])).toEqual([
			['travel', 10_000, 2_550],
			['extra', 150_000, 38_250]
		]);
		const [share] = await database.db
			.select()
			.from(journeyShares)
			.where(eq(journeyShares.journeyId, shareJourney));
		expect(share!.invoiceLineId).not.toBeNull();
		const [line] = await database.db
			.select()
			.from(invoiceLines)
			.where(eq(invoiceLines.id, share!.invoiceLineId!));
		expect(line!.description).toBe('Asiantuntijan matkakulut 10.4.2024: Helsinki–Vaala');
		const [extraLine] = await database.db
			.select()
			.from(invoiceLines)
			.where(eq(invoiceLines.workshopId, extraWorkshop));
		expect(extraLine!.netCents).toBe(150_000);

		const again = await start(2024, '2024-10-02', ['travel', 'extra']);
		await continueInvoiceRun(database.db, again);
		expect(await runRow(again)).toMatchObject({ membersBilled: 0, invoicesCreated: 0 });
		const [linked] = await database.db
			.select({ n: count() })
			.from(journeyShares)
			.where(isNotNull(journeyShares.invoiceLineId));
		expect(linked?.n).toBe(1);
	});
});

describe('two runs at once', () => {
	it('bill each member once and number the invoices 1..n', async () => {
		const [a, b] = [await start(2025, '2025-01-10'), await start(2025, '2025-01-10')];
		await Promise.all([continueInvoiceRun(database.db, a), continueInvoiceRun(database.db, b)]);
		const issued = await feeInvoices(2025);
		expect(issued).toHaveLength(billable());
		expect(issued.map((i) => i.sequence)).toEqual(
			Array.from({ length: billable() }, (_, i) => i + 1)
		);
		expect(new Set(issued.map((i) => i.membershipId)).size).toBe(billable());
		const [ra, rb] = [await runRow(a), await runRow(b)];
		expect(ra.invoicesCreated + rb.invoicesCreated).toBe(billable());
		expect(ra.state === 'done' && rb.state === 'done').toBe(true);
	});
});

describe('a run whose process is killed half-way', () => {
	it.runIf(!!process.env.DATABASE_URL)(
		'is finished by running it again, nothing lost or doubled (kill -9 inside a member)',
		async () => {
			const runId = await start(2026, '2026-01-12');
			// node itself with tsx's loader: one process to kill (the tsx command would start a second)
			const child = spawn(
				process.execPath,
				[
					'--import',
					'tsx',
					path.resolve('tests/support/invoice-run-child.ts'),
					database.url!,
					runId,
					'3'
				],
				{ stdio: ['ignore', 'pipe', 'pipe'] }
			);
			let stderr = '';
			child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
			await new Promise<void>((resolve, reject) => {
				child.stdout.on('data', (d: Buffer) => {
					if (d.toString().includes('in-transaction')) resolve();
				});
				child.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
			});
			const exited = new Promise((resolve) => child.on('exit', resolve));
			child.kill('SIGKILL');
			await exited;

			// three members done, whichever they were (Pertunmaa, skipped, may be among them)
			const killed = await runRow(runId);
			expect(killed.state).toBe('running');
			expect(killed.membersBilled + killed.membersSkipped).toBe(3);
			expect((await continueInvoiceRun(database.db, runId)).state).toBe('done');
			const run = await runRow(runId);
			expect(run.membersBilled + run.membersSkipped).toBe(codes.length);
			const issued = await feeInvoices(2026);
			// the killed member's number was given back with its transaction: no gap
			expect(issued.map((i) => i.sequence)).toEqual(
				Array.from({ length: run.membersBilled }, (_, i) => i + 1)
			);
			expect(new Set(issued.map((i) => i.membershipId)).size).toBe(run.membersBilled);
		},
		60_000
	);
});
