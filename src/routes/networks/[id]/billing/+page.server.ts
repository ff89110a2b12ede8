import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { networks } from '$lib/server/db/schema';
import { parseForm } from '$lib/server/http/parse';
import { getNetworkBillingDetails } from '$lib/server/billing/billing-details';
import { saveNetworkBillingDetails } from '$lib/server/billing/save-network-billing-details';
import { networkBillingSchema } from '$lib/schemas/billing';
import { centsToInput } from '$lib/domain/money';
import { formatIban } from '$lib/domain/billing/bank-account';
import type { Actions, PageServerLoad } from './$types';

async function ownNetwork(event: RequestEvent<{ id: string }>) {
	const user = requireCoordinator(event);
	if (!coordinatedNetworks(user).includes(event.params.id)) error(404, 'not found');
	const [network] = await db()
		.select({ id: networks.id, shortName: networks.shortName, nameFi: networks.nameFi })
		.from(networks)
		.where(eq(networks.id, event.params.id))
		.limit(1);
	if (!network) error(404, 'not found');
	return { user, network };
}

/** The network's billing details: the seller on every invoice (coordinators of the network). */
export const load: PageServerLoad = async (event) => {
	const { network } = await ownNetwork(event);
	const details = await getNetworkBillingDetails(db(), network.id);
	const bp = details?.penaltyInterestBasisPoints ?? null;
	return {
		network,
		saved: event.url.searchParams.has('saved'),
		values: details
			? {
					sellerName: details.sellerName,
					businessId: details.businessId,
					vatNumber: details.vatNumber,
					streetAddress: details.streetAddress,
					postalCode: details.postalCode,
					city: details.city,
					iban: formatIban(details.iban),
					bic: details.bic,
					paymentTermsDays: String(details.paymentTermsDays),
					penaltyInterestBasis: details.penaltyInterestBasis,
					penaltyInterestRate: bp === null ? '' : centsToInput(bp).replace(/,00$/, ''),
					eInvoiceAddress: details.eInvoiceAddress ?? '',
					eInvoiceOperator: details.eInvoiceOperator ?? '',
					extraWorkshopFee:
						details.extraWorkshopFeeCents === null
							? ''
							: centsToInput(details.extraWorkshopFeeCents)
				}
			: {
					sellerName: network.nameFi,
					paymentTermsDays: '14',
					penaltyInterestBasis: 'interest_act_4'
				}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, network } = await ownNetwork(event);
		const parsed = await parseForm(event.request, networkBillingSchema);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		await saveNetworkBillingDetails(db(), userActor(user), network.id, parsed.data);
		return { saved: true };
	}
};
