import { error, fail } from '@sveltejs/kit';
import { forbidden, requireMunicipality } from '$lib/server/auth/guard';
import { hasRole } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { getMemberBillingDetails } from '$lib/server/billing/billing-details';
import { saveMemberBillingDetails } from '$lib/server/billing/save-member-billing-details';
import { checkMemberBillingDetails } from '$lib/server/billing/check-member-billing-details';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import { memberBillingSchema } from '$lib/schemas/billing';
import type { Actions, PageServerLoad } from './$types';

/**
 * A municipality's billing details: its contact person fills them in, a coordinator checks
 * (or corrects) them. Nobody else sees them: another municipality's people get 403.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireMunicipality(event, event.params.code, 'manage');
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) error(404, 'not found');
	const details = await getMemberBillingDetails(db(), municipality.code);
	return {
		municipality: {
			code: municipality.code,
			nameFi: municipality.nameFi,
			nameSv: municipality.nameSv
		},
		isCoordinator: hasRole(user, 'coordinator'),
		checkedAt: details?.checkedAt ?? null,
		exists: details !== null,
		saved: event.url.searchParams.has('saved'),
		values: details
			? {
					billingName: details.billingName,
					businessId: details.businessId,
					streetAddress: details.streetAddress,
					postalCode: details.postalCode,
					city: details.city,
					eInvoiceAddress: details.eInvoiceAddress ?? '',
					eInvoiceOperator: details.eInvoiceOperator ?? '',
					buyerReference: details.buyerReference,
					delivery: details.delivery,
					invoiceEmail: details.invoiceEmail ?? '',
					language: details.language
				}
			: {
					billingName: municipality.nameFi,
					delivery: 'e_invoice',
					language: municipality.languageStatus === 3 ? 'sv' : 'fi'
				}
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		const municipality = await getMunicipality(db(), event.params.code);
		if (!municipality) error(404, 'not found');
		const parsed = await parseForm(event.request, memberBillingSchema);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		await saveMemberBillingDetails(db(), userActor(user), municipality.code, parsed.data, {
			byCoordinator: hasRole(user, 'coordinator')
		});
		return { saved: true };
	},
	check: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		if (!hasRole(user, 'coordinator')) forbidden(event);
		const result = await checkMemberBillingDetails(db(), userActor(user), event.params.code);
		if (!result.ok) error(404, 'not found');
		return { checked: true };
	}
};
