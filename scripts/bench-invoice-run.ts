/**
 * `npm run bench:invoice-run`: an invoice run for 77, 154 and 308 members (BENCH_MEMBERS), each
 * billed its year's fee through the run's own code (startInvoiceRun, continueInvoiceRun: one
 * transaction per member), then every invoice drawn as its PDF, Finvoice 3.0 and Peppol UBL, as
 * a download or the batch makes them, and the run's batch download (the streamed zip) read to
 * its end. Each count runs in a process of its own on a fresh
 * database (PGlite on disk; PostgreSQL too when DATABASE_URL is set), so that its memory is
 * its own: the report gives the run's and the documents' time, per member, and the process's
 * peak resident memory, and whether they grow linearly with the count.
 *
 * Prints a table; writes bench-results/invoice-run-<time>.json. See docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, isNull } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import {
	feeTiers,
	invoices,
	memberBillingDetails,
	memberships,
	municipalities,
	networks,
	seasons
} from '../src/lib/server/db/schema';
import { systemActor } from '../src/lib/server/actor';
import { loadShippedRegistry } from '../src/lib/server/registry/import-registry';
import { saveNetworkBillingDetails } from '../src/lib/server/billing/save-network-billing-details';
import { startInvoiceRun } from '../src/lib/server/billing/start-invoice-run';
import { continueInvoiceRun } from '../src/lib/server/billing/run-invoice-run';
import { getInvoice } from '../src/lib/server/billing/invoice-queries';
import { INVOICE_FILES, invoiceFile } from '../src/lib/server/billing/invoice-file';
import { runInvoicesZip } from '../src/lib/server/billing/run-invoices-zip';
import { businessIdCheckDigit } from '../src/lib/domain/billing/business-id';
import { networkBillingSchema } from '../src/lib/schemas/billing';
import { DEMO_NETWORK_BILLING } from '../src/lib/server/demo/demo-billing';
import { USO_FEE_TIERS, USO7_SEASON } from '../src/lib/server/demo/uso7';
import {
	createPgliteDatabase,
	createPostgresDatabase,
	type BenchDatabase,
	type DatabaseKind
} from './bench/databases';

const projectRoot = path.resolve(import.meta.dirname, '..');
process.chdir(projectRoot);

interface Measured {
	database: DatabaseKind;
	members: number;
	invoices: number;
	runMs: number;
	documentsMs: number;
	documentBytes: number;
	peakRssMiB: number;
	rssBeforeMiB: number;
	/** The run's batch download (runInvoicesZip) read to its end: time, size, RSS at its start and peak. */
	zipMs: number;
	zipBytes: number;
	zipRssBeforeMiB: number;
	zipPeakRssMiB: number;
}

/** A made-up business ID for a member, check digit computed (remainder 1 skipped). */
function businessIdOf(i: number): string {
	for (let n = 9_500_000 + i * 10; ; n++) {
		const check = businessIdCheckDigit(String(n));
		if (check !== null) return `${n}-${check}`;
	}
}

const MiB = 1024 * 1024;

/** One count on one database, in this process. */
async function child(kind: DatabaseKind, members: number): Promise<Measured> {
	const bench: BenchDatabase =
		kind === 'postgres'
			? await createPostgresDatabase(process.env.DATABASE_URL!, `invoices${members}`)
			: createPgliteDatabase(`invoices${members}`);
	const database = await openDatabase(bench.target);
	try {
		const { db } = database;
		await loadShippedRegistry(db);
		const [network] = await db
			.insert(networks)
			.values({ slug: 'uso', shortName: 'USO', nameFi: 'USO', nameSv: 'USO', nameEn: 'USO' })
			.returning();
		const [season] = await db
			.insert(seasons)
			.values({ ...USO7_SEASON, networkId: network!.id })
			.returning();
		await db.insert(feeTiers).values(
			USO_FEE_TIERS.map((t) => ({
				...t,
				networkId: network!.id,
				validFrom: USO7_SEASON.startsOn,
				vatTreatment: 'vat_standard' as const
			}))
		);
		await saveNetworkBillingDetails(
			db,
			systemActor,
			network!.id,
			networkBillingSchema.parse(DEMO_NETWORK_BILLING)
		);
		const chosen = await db
			.select({
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				languageStatus: municipalities.languageStatus
			})
			.from(municipalities)
			.where(isNull(municipalities.abolishedOn))
			.orderBy(asc(municipalities.code))
			.limit(members);
		await db.insert(memberships).values(
			chosen.map((m) => ({
				seasonId: season!.id,
				municipalityCode: m.code,
				state: 'active' as const
			}))
		);
		await db.insert(memberBillingDetails).values(
			chosen.map((m, i) => {
				const businessId = businessIdOf(i);
				return {
					municipalityCode: m.code,
					billingName: m.nameFi,
					businessId,
					streetAddress: 'Kunnantie 1',
					postalCode: '00100',
					city: m.nameFi,
					eInvoiceAddress: `0037${businessId.replace('-', '')}`,
					eInvoiceOperator: '003723327487',
					buyerReference: `KUNTA-${m.code}`,
					// bilingual with a Swedish majority, or Swedish-speaking
					language: m.languageStatus >= 2 ? ('sv' as const) : ('fi' as const)
				};
			})
		);

		global.gc?.();
		const rssBefore = process.memoryUsage().rss;
		let peak = rssBefore;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
		try {
			const started = performance.now();
			const run = await startInvoiceRun(db, systemActor, {
				seasonId: season!.id,
				year: 2024,
				invoiceDate: '2024-09-16',
				kinds: ['fee']
			});
			if (!run.ok) throw new Error(run.error);
			const done = await continueInvoiceRun(db, run.runId);
			if (done.state !== 'done') throw new Error(`run ${done.state}`);
			const runMs = performance.now() - started;

			const ids = await db
				.select({ id: invoices.id })
				.from(invoices)
				.where(eq(invoices.runId, run.runId))
				.orderBy(asc(invoices.sequence));
			const documentsStarted = performance.now();
			let bytes = 0;
			for (const { id } of ids) {
				const view = await getInvoice(db, id, { networkIds: [network!.id] });
				if (!view) throw new Error(`invoice ${id} not found`);
				for (const kind of INVOICE_FILES) {
					const file = await invoiceFile(db, view, kind);
					if (!file.ok) throw new Error(`${kind} of ${id}: ${file.problems.join(', ')}`);
					bytes += file.body.length;
				}
			}
			const documentsMs = performance.now() - documentsStarted;
			peak = Math.max(peak, process.memoryUsage().rss);

			// the batch download, as /billing/runs/[id]/download streams it
			global.gc?.();
			const zipRssBefore = process.memoryUsage().rss;
			let zipPeak = zipRssBefore;
			const zipSampler = setInterval(
				() => (zipPeak = Math.max(zipPeak, process.memoryUsage().rss)),
				20
			);
			const zipStarted = performance.now();
			let zipBytes = 0;
			try {
				const zip = await runInvoicesZip(db, run.runId, [network!.id]);
				if (!zip) throw new Error('no zip for the run');
				const reader = zip.stream.getReader();
				for (;;) {
					const { done, value } = await reader.read();
					if (done) break;
					zipBytes += value.length;
				}
			} finally {
				clearInterval(zipSampler);
			}
			const zipMs = performance.now() - zipStarted;
			zipPeak = Math.max(zipPeak, process.memoryUsage().rss);
			return {
				database: kind,
				members,
				invoices: ids.length,
				runMs,
				documentsMs,
				documentBytes: bytes,
				peakRssMiB: peak / MiB,
				rssBeforeMiB: rssBefore / MiB,
				zipMs,
				zipBytes,
				zipRssBeforeMiB: zipRssBefore / MiB,
				zipPeakRssMiB: zipPeak / MiB
			};
		} finally {
			clearInterval(sampler);
		}
	} finally {
		await database.close();
		await bench.drop();
	}
}

function parseCounts(): number[] {
	const text = process.env.BENCH_MEMBERS ?? '77,154,308';
	const counts = text.split(',').map((s) => Number(s.trim()));
	if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 308)) {
		throw new Error(`BENCH_MEMBERS: counts of 1–308, comma-separated, not "${text}"`);
	}
	return counts;
}

const fmt = (n: number, digits = 0) =>
	n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
	const [, , flag, kind, count] = process.argv;
	if (flag === '--child') {
		const result = await child(kind as DatabaseKind, Number(count));
		process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
		return;
	}
	const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
	const results: Measured[] = [];
	for (const kind of kinds) {
		for (const members of parseCounts()) {
			console.info(`[bench:invoice-run] ${kind}, ${members} members…`);
			const out = spawnSync(
				process.execPath,
				[...process.execArgv, import.meta.filename, '--child', kind, String(members)],
				{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: process.env }
			);
			const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
			if (out.status !== 0 || !line) {
				console.error(out.stdout);
				throw new Error(`${kind} ${members}: exit ${out.status}`);
			}
			results.push(JSON.parse(line.slice('RESULT '.length)) as Measured);
		}
	}
	console.info('');
	console.info(
		'| database | members | invoices | run | per member | PDF + Finvoice + UBL | per invoice | files | peak RSS | zip | zip size | zip RSS start → peak |'
	);
	console.info('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of results) {
		console.info(
			`| ${r.database} | ${r.members} | ${r.invoices} | ${fmt(r.runMs / 1000, 1)} s | ${fmt(r.runMs / r.members, 1)} ms | ${fmt(r.documentsMs / 1000, 1)} s | ${fmt(r.documentsMs / r.invoices, 1)} ms | ${fmt(r.documentBytes / MiB, 1)} MiB | ${fmt(r.peakRssMiB)} MiB | ${fmt(r.zipMs / 1000, 1)} s | ${fmt(r.zipBytes / MiB, 1)} MiB | ${fmt(r.zipRssBeforeMiB)} → ${fmt(r.zipPeakRssMiB)} MiB |`
		);
	}
	for (const kind of kinds) {
		const mine = results.filter((r) => r.database === kind).sort((a, b) => a.members - b.members);
		if (mine.length < 2) continue;
		const first = mine[0]!;
		const last = mine.at(-1)!;
		const growth = last.members / first.members;
		console.info(
			`${kind}: ${first.members} → ${last.members} members (×${fmt(growth, 1)}): run ×${fmt(last.runMs / first.runMs, 2)}, documents ×${fmt(last.documentsMs / first.documentsMs, 2)}, zip ×${fmt(last.zipMs / first.zipMs, 2)}, peak RSS ×${fmt(last.peakRssMiB / first.peakRssMiB, 2)}`
		);
	}
	const dir = path.join(projectRoot, 'bench-results');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `invoice-run-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(
		file,
		JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, results }, null, 2)
	);
	console.info(`Results: ${path.relative(projectRoot, file)}`);
}

await main();
