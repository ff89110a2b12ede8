import { fail, redirect } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm, readFormData, type FieldErrors } from '$lib/server/http/parse';
import { CAMT_MAX_BYTES, type CamtError } from '$lib/server/billing/camt054';
import { importBankFile } from '$lib/server/billing/payments/import-bank-file';
import { networkChoices } from '$lib/server/billing/payments/payment-queries';
import { bankFileNetworkSchema } from '$lib/schemas/payments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	return { networks: await networkChoices(db(), coordinatedNetworks(user)) };
};

/** A file that could not be imported, as the message next to the file field. */
function fileError(error: CamtError): FieldErrors[string] {
	switch (error.kind) {
		case 'too_large':
			return { key: 'payments.error.too_large', params: { max: error.maxBytes / 1024 / 1024 } };
		case 'damaged':
			return { key: 'payments.error.damaged', params: { detail: error.detail } };
		case 'not_camt054':
			return { key: 'payments.error.not_camt054', params: { found: error.found } };
		case 'unsupported_version':
			return { key: 'payments.error.unsupported_version', params: { version: error.version } };
		case 'foreign_currency':
			return {
				key: 'payments.error.foreign_currency',
				params: { currency: error.currency, entry: error.entryReference }
			};
	}
}

export const actions: Actions = {
	/** Imports the file and shows its summary; nothing is written when it cannot be read. */
	default: async (event) => {
		const user = requireCoordinator(event);
		const networkIds = coordinatedNetworks(user);
		const form = await readFormData(event.request);
		const parsed = await parseForm(form, bankFileNetworkSchema);
		const values = { network: String(form.get('network') ?? '') };
		const errors: FieldErrors = parsed.ok ? {} : parsed.errors;
		if (parsed.ok && !networkIds.includes(parsed.data.network)) {
			errors.network = { key: 'payments.error.network' };
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			errors.file = { key: 'payments.error.fileMissing' };
		} else if (file.size > CAMT_MAX_BYTES) {
			errors.file = fileError({ kind: 'too_large', maxBytes: CAMT_MAX_BYTES });
		}
		if (Object.keys(errors).length > 0 || !parsed.ok || !(file instanceof File)) {
			return fail(400, { errors, values });
		}
		const result = await importBankFile(db(), userActor(user), {
			networkId: parsed.data.network,
			fileName: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		if (!result.ok) return fail(400, { errors: { file: fileError(result.error) }, values });
		redirect(
			303,
			`/billing/payments/imports/${result.bankFileId}${result.alreadyImported ? '?again=1' : ''}`
		);
	}
};
