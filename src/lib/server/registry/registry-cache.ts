import type { Db } from '../db';

/**
 * The registry is reference data: it changes when `npm run registry:import` loads a new
 * Statistics Finland file, about once a year. Each server keeps its answers (a page of the
 * list, the filters' choices) for a minute instead of asking the database on every request,
 * so an import shows within a minute on a running server. The 200 most recently used answers
 * are kept per database.
 */
export const REGISTRY_CACHE_TTL_MS = 60_000;
export const REGISTRY_CACHE_SIZE = 200;

interface Entry {
	at: number;
	value: Promise<unknown>;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

export function cachedRegistryAnswer<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
	let cache = caches.get(db);
	if (!cache) {
		cache = new Map();
		caches.set(db, cache);
	}
	const now = Date.now();
	const hit = cache.get(key);
	// a Map iterates in insertion order: re-inserting a hit makes it the most recently used
	cache.delete(key);
	if (hit && now - hit.at <= REGISTRY_CACHE_TTL_MS) {
		cache.set(key, hit);
		return hit.value as Promise<T>;
	}
	const entry: Entry = { at: now, value: load() };
	cache.set(key, entry);
	// a failed answer is not kept
	entry.value.catch(() => {
		if (cache.get(key) === entry) cache.delete(key);
	});
	for (const oldest of cache.keys()) {
		if (cache.size <= REGISTRY_CACHE_SIZE) break;
		cache.delete(oldest);
	}
	return entry.value as Promise<T>;
}

/** Forgets what this server keeps of a database's registry (after an import in this process). */
export function clearRegistryCache(db: Db): void {
	caches.delete(db);
}
