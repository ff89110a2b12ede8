import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import {
	cachedRegistryAnswer,
	clearRegistryCache,
	REGISTRY_CACHE_SIZE,
	REGISTRY_CACHE_TTL_MS
} from './registry-cache';

// the cache only uses the database as a key
const aDb = () => ({}) as Db;

function counter() {
	let calls = 0;
	return {
		load: () => Promise.resolve(++calls),
		get calls() {
			return calls;
		}
	};
}

afterEach(() => vi.useRealTimers());

describe('cachedRegistryAnswer', () => {
	it('asks the database once within the minute, again after it', async () => {
		vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
		const db = aDb();
		const c = counter();
		expect(await cachedRegistryAnswer(db, 'k', c.load)).toBe(1);
		vi.advanceTimersByTime(REGISTRY_CACHE_TTL_MS);
		expect(await cachedRegistryAnswer(db, 'k', c.load)).toBe(1);
		vi.advanceTimersByTime(1);
		expect(await cachedRegistryAnswer(db, 'k', c.load)).toBe(2);
		expect(c.calls).toBe(2);
	});

	it('keeps each database’s answers apart, and forgets them when cleared', async () => {
		const [one, two] = [aDb(), aDb()];
		const c = counter();
		await cachedRegistryAnswer(one, 'k', c.load);
		expect(await cachedRegistryAnswer(two, 'k', c.load)).toBe(2);
		clearRegistryCache(one);
		expect(await cachedRegistryAnswer(one, 'k', c.load)).toBe(3);
		expect(await cachedRegistryAnswer(two, 'k', c.load)).toBe(2);
	});

	it('does not keep a failed answer', async () => {
		const db = aDb();
		await expect(
			cachedRegistryAnswer(db, 'k', () => Promise.reject(new Error('database away')))
		).rejects.toThrow('database away');
		await Promise.resolve();
		expect(await cachedRegistryAnswer(db, 'k', () => Promise.resolve('back'))).toBe('back');
	});

	it('keeps the most recently used answers and lets the oldest go', async () => {
		const db = aDb();
		const c = counter();
		await cachedRegistryAnswer(db, 'first', c.load);
		for (let i = 0; i < REGISTRY_CACHE_SIZE - 1; i++) {
			await cachedRegistryAnswer(db, `k${i}`, c.load);
		}
		// 'first' is used again, so k0 is now the least recently used
		expect(await cachedRegistryAnswer(db, 'first', c.load)).toBe(1);
		await cachedRegistryAnswer(db, 'one too many', c.load);
		const before = c.calls;
		expect(await cachedRegistryAnswer(db, 'first', c.load)).toBe(1);
		expect(await cachedRegistryAnswer(db, 'k1', c.load)).toBe(3);
		expect(c.calls).toBe(before);
		expect(await cachedRegistryAnswer(db, 'k0', c.load)).toBe(before + 1);
	});
});
