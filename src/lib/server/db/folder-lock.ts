import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface FolderLock {
	release(): void;
}

export class FolderLockedError extends Error {
	constructor(
		public readonly folder: string,
		public readonly pid: number
	) {
		super(
			`The database folder ${folder} is in use by another Verkosto process (pid ${pid}). ` +
				'PGlite allows one process per folder: stop that process first, or set ' +
				'VERKOSTO_DATA_DIR to another folder, or use DATABASE_URL for a PostgreSQL server.'
		);
		this.name = 'FolderLockedError';
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: the process exists but belongs to someone else
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes `<folder>/verkosto.lock` with this process's pid. A lock left by a process that
 * has died is taken over; one held by a live process is refused.
 */
export function acquireFolderLock(folder: string): FolderLock {
	const file = path.join(folder, 'verkosto.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			return {
				release() {
					if (released) return;
					released = true;
					rmSync(file, { force: true });
				}
			};
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
			if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
				throw new FolderLockedError(folder, holder);
			}
			rmSync(file, { force: true });
		}
	}
	throw new Error(`Could not take the lock ${file}`);
}
