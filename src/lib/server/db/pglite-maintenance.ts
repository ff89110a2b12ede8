import { sql } from 'drizzle-orm';
import type { Database } from './client';

/** The first round waits this long after start, so that starting stays fast. */
const FIRST_AFTER_MS = 60 * 1000;
/** Then again this often while the server runs. */
const EVERY_MS = 24 * 60 * 60 * 1000;

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;

/**
 * PGlite runs PostgreSQL in one process without the autovacuum worker, so unless we do it
 * nothing reclaims the rows that updates and deletes leave behind (`VACUUM`), keeps the
 * visibility map that lets an index answer alone (an index-only scan), or gathers the
 * planner's statistics (`ANALYZE`). Without them, at 100× data, the season's events list read
 * every earlier season's events through the wrong index (23 ms instead of 0.4; the bench,
 * 2026-12-02). PostgreSQL's autovacuum does all of it there, so this does nothing on PostgreSQL.
 */
export async function maintainPglite(database: Database): Promise<void> {
	if (database.kind !== 'pglite') return;
	const started = performance.now();
	await database.db.execute(sql`vacuum (analyze)`);
	console.info(`Database vacuumed and analysed in ${Math.round(performance.now() - started)} ms.`);
}

/**
 * On PGlite, vacuums and analyses a minute after start and once a day after that (under a
 * second on the demo's data, about 4 s at 100× the bench's data, during which PGlite's one
 * connection waits); the timer never keeps the process alive.
 */
export function startPgliteMaintenance(database: Database): void {
	if (database.kind !== 'pglite' || timer) return;
	const run = (next: number) => {
		timer = setTimeout(() => {
			running = maintainPglite(database)
				.catch((e: unknown) =>
					console.error('Database maintenance failed:', e instanceof Error ? e.message : e)
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

/** No more maintenance; a round under way finishes before the database closes. */
export async function stopPgliteMaintenance(): Promise<void> {
	clearTimeout(timer);
	timer = undefined;
	await running;
}
