/** Signing in, checking a page once, and loading it with autocannon. */
import autocannon from 'autocannon';
import { cpuCost, type CpuCost, type CpuMeter } from './cpu';

export interface Measurement {
	/** Average requests per second over the measured run. */
	reqPerSec: number;
	/** Latency percentiles and mean, in milliseconds. */
	p50Ms: number;
	p99Ms: number;
	meanMs: number;
	/** Requests answered in the measured run. */
	requests: number;
	errors: number;
	timeouts: number;
	non2xx: number;
	statusCodes: Record<string, number>;
	seconds: number;
	connections: number;
	/**
	 * Server CPU time per request answered (app + PostgreSQL backends), when it could be read
	 * (Linux; PostgreSQL on this machine for the database part): see cpu.ts.
	 */
	cpu?: CpuCost | null;
	/**
	 * False when anything but 2xx came back or a connection failed: the figures mean nothing.
	 * Timeouts (no answer in 10 s) leave it true: they are the slow tail, reported apart.
	 */
	ok: boolean;
}

export interface LoadOptions {
	connections: number;
	seconds: number;
	warmupSeconds: number;
	headers?: Record<string, string>;
	/**
	 * Reads the server's CPU time just before and after the measured run (not the warm-up),
	 * and waits for the server to be idle before the measured run.
	 */
	cpu?: CpuMeter | null;
}

function run(url: string, connections: number, seconds: number, headers: Record<string, string>) {
	return autocannon({ url, connections, duration: seconds, headers, timeout: 10 });
}

/** A warm-up run (thrown away), then the measured run. */
export async function measure(url: string, options: LoadOptions): Promise<Measurement> {
	const headers = options.headers ?? {};
	await run(url, options.connections, options.warmupSeconds, headers);
	// the warm-up's queued requests are served first, so that they count in neither figure
	await options.cpu?.settle();
	const before = options.cpu ? await options.cpu.sample() : null;
	const r = await run(url, options.connections, options.seconds, headers);
	const after = options.cpu ? await options.cpu.sample() : null;
	const statusCodes: Record<string, number> = {};
	for (const [code, stats] of Object.entries(r.statusCodeStats ?? {})) {
		statusCodes[code] = (stats as { count: number }).count;
	}
	return {
		reqPerSec: r.requests.average,
		p50Ms: r.latency.p50,
		p99Ms: r.latency.p99,
		meanMs: r.latency.average,
		requests: r.requests.total,
		errors: r.errors,
		timeouts: r.timeouts,
		non2xx: r.non2xx,
		statusCodes,
		seconds: r.duration,
		connections: r.connections,
		cpu:
			before && after && options.cpu
				? cpuCost(before, after, r.requests.total, options.cpu.countsBackends)
				: null,
		// autocannon counts timeouts among the errors
		ok: r.non2xx === 0 && r.errors === r.timeouts && r.requests.total > 0
	};
}

/** Signs in with a password through the form action; returns the Cookie header to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
	const res = await fetch(`${baseUrl}/signin?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password }).toString()
	});
	await res.arrayBuffer();
	const session = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0] ?? '')
		.find((c) => c.startsWith('verkosto_session='));
	if (res.status !== 303 || !session) {
		throw new Error(
			`Signing in as ${email} failed: HTTP ${res.status}, ${session ? 'a' : 'no'} session cookie`
		);
	}
	return session;
}

export interface FetchedPage {
	status: number;
	html: string;
	/** The Link response header, where SvelteKit lists modulepreload URLs. */
	link: string | null;
}

/** One GET, without following redirects: a redirect to /signin means the cookie did not work. */
export async function fetchPage(url: string, cookie: string | null): Promise<FetchedPage> {
	const res = await fetch(url, {
		redirect: 'manual',
		headers: cookie ? { cookie, accept: 'text/html' } : { accept: 'text/html' }
	});
	return { status: res.status, html: await res.text(), link: res.headers.get('link') };
}
