/**
 * The sign-up targets: people posting the event page's signUp form action at the same time,
 * each once and with a session of their own, as a browser without JavaScript posts it; and
 * afterwards, from the database, whether the seats went as the rule says.
 *
 * autocannon sends what it is given for a time; a person signs up for an event once, so this
 * sends a fixed list of requests, `connections` at a time, each on a new connection, and times
 * each one.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import type { CpuMeter } from './cpu';
import { cpuCost } from './cpu';
import type { Measurement } from './load';

export interface SignUpPost {
	eventId: string;
	/** `verkosto_session=…` of the person signing up. */
	cookie: string;
}

/**
 * Longer than autocannon's 10 s on the pages: a sign-up given up on is still made (the check
 * afterwards counts it), so each is waited for and p99 covers them all, queue included.
 */
const TIMEOUT_MS = 60_000;

/** The job poller's longest pause (POLL_INTERVAL_MS 2 s + 25 % jitter), and a little more. */
const POLLER_PAUSE_MS = 2_700;

function percentile(sorted: number[], q: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * One POST on a connection of its own, as each person's browser has one. Keep-alive would
 * lose some: on a loaded machine the server closes a connection idle for its keep-alive time
 * (5 s) just as the client sends the next request on it, which is then reset unread.
 */
function post(
	agent: http.Agent,
	url: URL,
	headers: Record<string, string>,
	body: string
): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				agent,
				method: 'POST',
				headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
				timeout: TIMEOUT_MS
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
		req.on('error', reject);
		req.end(body);
	});
}

/**
 * Posts every sign-up, `connections` at a time; with a CPU meter, reads the server's CPU time
 * from the moment it is idle before the first to the moment it is idle after the last and the
 * job poller has composed the notices the sign-ups queued: their cost belongs to the sign-up.
 */
export async function postSignUps(
	baseUrl: string,
	posts: readonly SignUpPost[],
	connections: number,
	cpu: CpuMeter | null = null
): Promise<Measurement> {
	await cpu?.settle();
	const before = cpu ? await cpu.sample() : null;
	const latencies: number[] = [];
	const statusCodes: Record<string, number> = {};
	let errors = 0;
	let timeouts = 0;
	let next = 0;
	const started = performance.now();
	const agent = new http.Agent({ keepAlive: false, maxSockets: connections });
	const body = new URLSearchParams({ mode: 'on_site', arrangements: '' }).toString();
	const worker = async () => {
		while (next < posts.length) {
			const { eventId, cookie } = posts[next++]!;
			const sent = performance.now();
			try {
				const status = await post(
					agent,
					new URL(`${baseUrl}/events/${eventId}?/signUp`),
					{
						cookie,
						origin: baseUrl,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body
				);
				latencies.push(performance.now() - sent);
				statusCodes[status] = (statusCodes[status] ?? 0) + 1;
			} catch (e) {
				errors++;
				const code = (e as { code?: string }).code ?? (e as Error).message;
				if (code === 'TIMEOUT') timeouts++;
				statusCodes[`error ${code}`] = (statusCodes[`error ${code}`] ?? 0) + 1;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(connections, posts.length) }, worker));
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	let after = null;
	if (cpu) {
		await new Promise((r) => setTimeout(r, POLLER_PAUSE_MS));
		await cpu.settle();
		after = await cpu.sample();
	}
	latencies.sort((a, b) => a - b);
	const requests = latencies.length;
	const non2xx = Object.entries(statusCodes)
		.filter(([code]) => /^\d+$/.test(code) && !code.startsWith('2'))
		.reduce((n, [, count]) => n + count, 0);
	return {
		reqPerSec: requests / seconds,
		p50Ms: percentile(latencies, 0.5),
		p99Ms: percentile(latencies, 0.99),
		meanMs: requests ? latencies.reduce((a, b) => a + b, 0) / requests : 0,
		requests,
		errors,
		timeouts,
		non2xx,
		statusCodes,
		seconds,
		connections: Math.min(connections, posts.length),
		cpu: before && after && cpu ? cpuCost(before, after, requests, cpu.countsBackends) : null,
		ok: non2xx === 0 && errors === timeouts && requests > 0
	};
}

/** One event's seats after the sign-ups, from the database. */
export interface SignUpCheck {
	event: string;
	/** Sign-ups posted to it (each answered 200 in a valid run). */
	posted: number;
	signUps: number;
	capacity: number;
	/** Sign-ups holding a seat, counted. */
	confirmed: number;
	/** The event row's `confirmed_on_site`, kept by the use case. */
	rowConfirmed: number;
	waiting: number;
	cancelled: number;
	/** Every seat went to an earlier arrival (`seq`) than anyone waiting. */
	inOrder: boolean;
	ok: boolean;
}

/**
 * Whether the seats of the events went as the rule says: as many sign-ups as were posted,
 * the capacity (or all of them, when fewer) confirmed and counted so on the row, the rest
 * waiting, and the seats to the first to arrive.
 */
export async function checkSignUps(
	db: Db,
	events: readonly { label: string; id: string; posted: number }[]
): Promise<SignUpCheck[]> {
	const checks: SignUpCheck[] = [];
	for (const event of events) {
		const result = await db.execute(sql`
			select e.capacity_on_site as capacity, e.confirmed_on_site as row_confirmed,
				count(s.id) as sign_ups,
				count(*) filter (where s.state = 'confirmed') as confirmed,
				count(*) filter (where s.state = 'waiting') as waiting,
				count(*) filter (where s.state = 'cancelled') as cancelled,
				coalesce(max(s.seq) filter (where s.state = 'confirmed'), 0)
					< coalesce(min(s.seq) filter (where s.state = 'waiting'), 9223372036854775807)
					as in_order
			from events e left join event_sign_ups s on s.event_id = e.id
			where e.id = ${event.id}
			group by e.id
		`);
		const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
		const n = (key: string) => Number(row[key] ?? 0);
		const check = {
			event: event.label,
			posted: event.posted,
			signUps: n('sign_ups'),
			capacity: n('capacity'),
			confirmed: n('confirmed'),
			rowConfirmed: n('row_confirmed'),
			waiting: n('waiting'),
			cancelled: n('cancelled'),
			inOrder: row.in_order === true || row.in_order === 't'
		};
		checks.push({
			...check,
			ok:
				check.signUps === check.posted &&
				check.confirmed === Math.min(check.capacity, check.signUps) &&
				check.rowConfirmed === check.confirmed &&
				check.waiting === check.signUps - check.confirmed &&
				check.cancelled === 0 &&
				check.inOrder
		});
	}
	return checks;
}

function formatCheck(c: SignUpCheck, rows = 'the event row says'): string {
	return (
		`${c.ok ? 'OK  ' : 'FAIL'}  ${c.event}: ${c.posted} posted, ${c.signUps} signed up; ` +
		`${c.confirmed} confirmed of ${c.capacity} seats (${rows} ${c.rowConfirmed}), ` +
		`${c.waiting} waiting${c.cancelled ? `, ${c.cancelled} cancelled` : ''}; ` +
		`seats to the first to arrive: ${c.inOrder ? 'yes' : 'NO'}`
	);
}

/**
 * One line per event checked, but the spread events in one line of sums when all of them
 * passed (any that failed are listed on their own).
 */
export function formatSignUpChecks(checks: readonly SignUpCheck[]): string[] {
	const spread = checks.filter((c) => c.event.startsWith('spread event'));
	const lines = checks
		.filter((c) => !c.event.startsWith('spread event') || !spread.every((s) => s.ok))
		.map((c) => formatCheck(c));
	if (spread.length > 0 && spread.every((s) => s.ok)) {
		const sum = (
			key:
				'posted' | 'signUps' | 'capacity' | 'confirmed' | 'rowConfirmed' | 'waiting' | 'cancelled'
		) => spread.reduce((n, c) => n + c[key], 0);
		lines.push(
			formatCheck(
				{
					event: `${spread.length} spread events, summed`,
					posted: sum('posted'),
					signUps: sum('signUps'),
					capacity: sum('capacity'),
					confirmed: sum('confirmed'),
					rowConfirmed: sum('rowConfirmed'),
					waiting: sum('waiting'),
					cancelled: sum('cancelled'),
					inOrder: true,
					ok: true
				},
				'the rows say'
			)
		);
	}
	return lines;
}
