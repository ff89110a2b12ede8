import { sql } from 'drizzle-orm';
import type { Database } from './client';

/** The first gathering waits this long after start, so that starting stays fast. */
const FIRST_AFTER_MS = 60 * 1000;
/** Then again this often while the server runs. */
const EVERY_MS = 24 * 60 * 60 * 1000;

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;

/**
 * PGlite runs PostgreSQL in one process without the autovacuum worker, so nothing gathers the
 * planner's statistics (`ANALYZE`) unless we do: without them the planner guesses sizes and,
 * at 100× data, read a season's events list through the wrong index (14 ms instead of 1).
 * PostgreSQL's autovacuum does it there, so this does nothing on PostgreSQL.
 */
export async function gatherPlannerStatistics(database: Database): Promise<void> {
	if (database.kind !== 'pglite') return;
	const started = performance.now();
	await database.db.execute(sql`analyze`);
	console.info(`Planner statistics gathered in ${Math.round(performance.now() - started)} ms.`);
}

/**
 * On PGlite, gathers the statistics a minute after start and once a day after that (about a
 * second on the demo's data); the timer never keeps the process alive.
 */
export function startPlannerStatistics(database: Database): void {
	if (database.kind !== 'pglite' || timer) return;
	const run = (next: number) => {
		timer = setTimeout(() => {
			running = gatherPlannerStatistics(database)
				.catch((e: unknown) =>
					console.error('Gathering planner statistics failed:', e instanceof Error ? e.message : e)
				)
				.finally(() => {
					running = undefined;
				});
			run(EVERY_MS);
		}, next);
		timer.unref();
	};
	run(FIRST_AFTER_MS);
}

/** No more gathering; one under way finishes before the database closes. */
export async function stopPlannerStatistics(): Promise<void> {
	clearTimeout(timer);
	timer = undefined;
	await running;
}
