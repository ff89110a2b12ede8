import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { listMemberBillingDetails } from '$lib/server/billing/billing-details';
import { choice, wholeNumber } from '$lib/schemas/fields';
import { coordinatorsSeason } from '../events/season-events.server';
import type { PageServerLoad } from './$types';

/** The coordinator checks each billed member's billing details before an invoice run. */
export const load: PageServerLoad = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const { values, errors } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000), show: choice(['all', 'missing'] as const) },
		{ page: 1, show: 'all' as 'all' | 'missing' }
	);
	const list = await listMemberBillingDetails(db(), season.id, {
		page: values.page,
		missingOnly: values.show === 'missing'
	});
	return {
		season: { id: season.id, number: season.number, networkShortName: season.network.shortName },
		list: {
			...list,
			rows: list.rows.map((r) => ({
				code: r.code,
				nameFi: r.nameFi,
				nameSv: r.nameSv,
				businessId: r.details?.businessId ?? null,
				delivery: r.details?.delivery ?? null,
				eInvoiceAddress: r.details?.eInvoiceAddress ?? null,
				buyerReference: r.details?.buyerReference ?? '',
				checkedAt: r.details?.checkedAt ?? null
			}))
		},
		query: values,
		errors
	};
};
