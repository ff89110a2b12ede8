import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireFolderLock, FolderLockedError } from './folder-lock';

describe('the PGlite folder lock', () => {
	it('is taken, refused to a second holder while the first lives, and released', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'verkosto-lock-'));
		// another live process holds the lock
		const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		await new Promise((r) => other.once('spawn', r));
		writeFileSync(path.join(folder, 'verkosto.lock'), String(other.pid));
		try {
			expect(() => acquireFolderLock(folder)).toThrow(FolderLockedError);
			expect(() => acquireFolderLock(folder)).toThrow(/in use by another Verkosto process/);
		} finally {
			other.kill();
			await new Promise((r) => other.once('exit', r));
		}
		// the holder died: its lock is stale and taken over
		const lock = acquireFolderLock(folder);
		expect(readFileSync(path.join(folder, 'verkosto.lock'), 'utf8')).toBe(String(process.pid));
		lock.release();
		expect(existsSync(path.join(folder, 'verkosto.lock'))).toBe(false);
	});
});
