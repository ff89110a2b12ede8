/**
 * CPU time that serving a page costs: the app server's process and, on PostgreSQL, the
 * backends of its connections, read from /proc (Linux) before and after the measured run.
 * Divided by the requests answered, it is the per-request cost in CPU milliseconds, which other
 * work on the machine disturbs far less than req/s: while others hold the cores, a request
 * waits longer but costs about the same CPU time.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
	if (ticksPerSecond === null) {
		try {
			ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
		} catch {
			ticksPerSecond = 100;
		}
		if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100;
	}
	return ticksPerSecond;
}

/** utime + stime of a process (its threads included) in ms, or null when it cannot be read. */
export function processCpuMs(pid: number): number | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// the command name, in parentheses, may hold spaces: fields follow the last ')'
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// fields 14 and 15 of proc(5), counted from the state (field 3) here
		const ticks = Number(fields[11]) + Number(fields[12]);
		return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : null;
	} catch {
		return null;
	}
}

export function cpuMeasurable(): boolean {
	return process.platform === 'linux' && processCpuMs(process.pid) !== null;
}

/** CPU ms of the app and of the database backends at one moment, by pid. */
export interface CpuSample {
	app: number | null;
	backends: Map<number, number>;
}

export interface CpuMeter {
	sample(): Promise<CpuSample>;
	/**
	 * Waits until the servers are idle (less than 5 % of a core over 250 ms, at most `maxMs`):
	 * the requests still queued when a load run ends are served after it, and would otherwise
	 * be counted in the next run's CPU time but not in its requests.
	 */
	settle(maxMs?: number): Promise<void>;
	/** Whether backends are counted (PostgreSQL on this machine); PGlite runs inside the app. */
	countsBackends: boolean;
}

const SETTLE_STEP_MS = 250;

function totalMs(sample: CpuSample): number {
	let ms = sample.app ?? 0;
	for (const b of sample.backends.values()) ms += b;
	return ms;
}

export function cpuMeter(appPid: number, backendPids: (() => Promise<number[]>) | null): CpuMeter {
	const sample = async (): Promise<CpuSample> => {
		const backends = new Map<number, number>();
		for (const pid of backendPids ? await backendPids() : []) {
			const ms = processCpuMs(pid);
			if (ms !== null) backends.set(pid, ms);
		}
		return { app: processCpuMs(appPid), backends };
	};
	return {
		countsBackends: backendPids !== null,
		sample,
		async settle(maxMs = 30_000) {
			const deadline = Date.now() + maxMs;
			let previous = totalMs(await sample());
			while (Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, SETTLE_STEP_MS));
				const now = totalMs(await sample());
				// a backend that ended makes the sum drop: not idle yet, look again
				const busy = now - previous;
				previous = now;
				if (busy >= 0 && busy < SETTLE_STEP_MS * 0.05) return;
			}
		}
	};
}

export interface CpuCost {
	/** The app server's CPU ms per request answered. */
	appMsPerRequest: number;
	/** Its PostgreSQL backends' CPU ms per request; null on PGlite (inside the app). */
	databaseMsPerRequest: number | null;
	/** The sum: the per-request cost the scale comparison divides. */
	msPerRequest: number;
}

/**
 * The cost between two samples. A backend that started during the run counts from 0 (its
 * whole life is in the run); one that ended during it is missed (the app's pool keeps its
 * connections while it is busy).
 */
export function cpuCost(
	before: CpuSample,
	after: CpuSample,
	requests: number,
	countsBackends: boolean
): CpuCost | null {
	if (before.app === null || after.app === null || requests <= 0) return null;
	const app = (after.app - before.app) / requests;
	let database: number | null = null;
	if (countsBackends) {
		let ms = 0;
		for (const [pid, end] of after.backends) ms += end - (before.backends.get(pid) ?? 0);
		database = ms / requests;
	}
	return {
		appMsPerRequest: app,
		databaseMsPerRequest: database,
		msPerRequest: app + (database ?? 0)
	};
}
