import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { saveNetwork } from '$lib/server/networks/save-network';
import { networkFormSchema } from '$lib/schemas/network';

export async function submitNetworkForm(event: RequestEvent, id?: string) {
	const user = requireCoordinator(event);
	const form = await parseForm(event.request, networkFormSchema);
	if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
	const result = await saveNetwork(db(), { ...userActor(user), userId: user.id }, form.data, id);
	if (!result.ok) {
		return fail(400, {
			errors: {
				slug: {
					key:
						result.error === 'slug_taken'
							? ('error.slugTaken' as const)
							: ('error.not_found' as const)
				}
			},
			values: form.data as unknown as Record<string, string>
		});
	}
	redirect(303, `/networks?saved=1`);
}
