import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { collectErrors, readFormData } from '$lib/server/http/parse';
import { nudgeJobs } from '$lib/server/jobs/poller';
import { listSeasons } from '$lib/server/seasons/season-queries';
import { previewInvoiceRun } from '$lib/server/billing/preview-invoice-run';
import { startInvoiceRun } from '$lib/server/billing/start-invoice-run';
import { invoiceRunSchema } from '$lib/schemas/billing';
import type { FieldErrors } from '$lib/schemas/errors';
import { INVOICE_KINDS } from '$lib/domain/billing/invoice-plan';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { Actions, PageServerLoad } from './$types';

/** The run's choices as a form or a query string sends them; kinds are repeated checkboxes. */
function runInput(params: { get(k: string): unknown; getAll(k: string): unknown[] }) {
	const text = (k: string) => (typeof params.get(k) === 'string' ? (params.get(k) as string) : '');
	return invoiceRunSchema.safeParse({
		seasonId: text('seasonId'),
		year: text('year'),
		invoiceDate: text('invoiceDate'),
		kinds: params.getAll('kinds').filter((k) => typeof k === 'string')
	});
}

async function coordinatorsSeasons(event: RequestEvent) {
	const user = requireCoordinator(event);
	const seasons = await listSeasons(db(), coordinatedNetworks(user));
	return { user, seasons };
}

/**
 * A new invoice run: the coordinator picks season, year, invoice date and kinds (a GET form,
 * so the preview is an address that can be reloaded), sees what each member would get and
 * confirms (a POST that starts the run as a job).
 */
export const load: PageServerLoad = async (event) => {
	const { seasons } = await coordinatorsSeasons(event);
	const q = event.url.searchParams;
	const today = helsinkiDate(new Date());
	const submitted = q.has('seasonId');
	const values = {
		seasonId: q.get('seasonId') ?? seasons[0]?.id ?? '',
		year: q.get('year') ?? today.slice(0, 4),
		invoiceDate: q.get('invoiceDate') ?? today,
		kinds: submitted ? q.getAll('kinds') : [...INVOICE_KINDS]
	};
	let errors: FieldErrors = {};
	let preview = null;
	if (submitted) {
		const parsed = runInput(q);
		const season = parsed.success ? seasons.find((s) => s.id === parsed.data.seasonId) : null;
		if (!parsed.success) errors = collectErrors(parsed.error);
		else if (!season) errors = { seasonId: { key: 'error.invalidChoice' } };
		else {
			const page = Number(q.get('page') ?? '1');
			preview = await previewInvoiceRun(db(), {
				...parsed.data,
				networkId: season.networkId,
				page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1
			});
		}
	}
	return {
		seasons: seasons.map((s) => ({
			id: s.id,
			networkId: s.networkId,
			label: `${s.networkShortName} ${s.number}`
		})),
		values,
		errors,
		preview
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { user, seasons } = await coordinatorsSeasons(event);
		const form = await readFormData(event.request);
		const parsed = runInput(form);
		if (!parsed.success || !seasons.some((s) => s.id === parsed.data.seasonId)) {
			return fail(400, { startError: 'billing.runError.invalid' as const });
		}
		const result = await startInvoiceRun(db(), userActor(user), parsed.data);
		if (!result.ok) {
			return fail(400, { startError: `billing.runError.${result.error}` as const });
		}
		nudgeJobs();
		redirect(303, `/billing/runs/${result.runId}`);
	}
};
