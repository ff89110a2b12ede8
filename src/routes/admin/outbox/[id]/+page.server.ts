import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getOutboxMessage } from '$lib/server/mail/list-outbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const id = /^\d{1,15}$/.test(event.params.id) ? Number(event.params.id) : null;
	const message = id === null ? null : await getOutboxMessage(db(), id);
	if (!message) error(404, 'not found');
	return {
		message: {
			...message,
			createdAt: message.createdAt.toISOString(),
			sentAt: message.sentAt?.toISOString() ?? null
		}
	};
};
