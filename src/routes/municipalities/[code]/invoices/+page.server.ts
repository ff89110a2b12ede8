import { error } from '@sveltejs/kit';
import { requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listMunicipalityInvoices } from '$lib/server/billing/invoice-queries';
import { parseInvoiceListQuery } from '$lib/server/billing/invoice-list-query';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { PageServerLoad } from './$types';

/**
 * A municipality's own invoices, newest first: for its contact person and the coordinators.
 * Another municipality's people get 403; the list is always of the address's municipality.
 */
export const load: PageServerLoad = async (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) error(404, 'not found');
	const { values } = parseInvoiceListQuery(event.url.searchParams);
	const list = await listMunicipalityInvoices(
		db(),
		{
			scope: { municipalityCode: municipality.code },
			state: values.state,
			year: values.year,
			today: helsinkiDate(new Date())
		},
		values.page
	);
	return {
		municipality: { code: municipality.code, nameFi: municipality.nameFi },
		list
	};
};
