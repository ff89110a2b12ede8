import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import type { RequestHandler } from './$types';

// Public: for load balancers and monitoring.
export const GET: RequestHandler = async () => {
	const started = performance.now();
	try {
		const db = database();
		await db.ping();
		return json(
			{ status: 'ok', database: db.kind, ms: Math.round(performance.now() - started) },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return json(
			{ status: 'unavailable', database: 'down' },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
