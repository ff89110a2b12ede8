import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { formValues, parseForm, readFormData, readPdfUpload } from '$lib/server/http/parse';
import { saveSeason } from '$lib/server/seasons/save-season';
import { seasonFormSchema } from '$lib/schemas/season';

/** The create and edit actions share this: parse, authorise for the network, save. */
export async function submitSeasonForm(event: RequestEvent, seasonId?: string) {
	const user = requireCoordinator(event);
	const form = await readFormData(event.request);
	const parsed = await parseForm(form, seasonFormSchema);
	const upload = await readPdfUpload(form, 'presentation');
	const values = parsed.ok ? undefined : parsed.values;
	if (!parsed.ok || !upload.ok) {
		const errors = {
			...(parsed.ok ? {} : parsed.errors),
			...(upload.ok ? {} : { presentation: upload.error })
		};
		return fail(400, {
			errors,
			values: values ?? formValues(form)
		});
	}
	if (!coordinatedNetworks(user).includes(parsed.data.networkId)) {
		return fail(400, {
			errors: { networkId: { key: 'error.invalidChoice' as const } },
			values: formValues(form)
		});
	}
	const result = await saveSeason(db(), userActor(user), parsed.data, {
		id: seasonId,
		presentation: upload.file
	});
	if (!result.ok) {
		const values = formValues(form);
		return result.error === 'number_taken'
			? fail(400, { errors: { number: { key: 'error.number_taken' as const } }, values })
			: fail(404, { errors: { _form: { key: 'error.not_found' as const } }, values });
	}
	redirect(303, `/seasons/${result.id}?saved=1`);
}
