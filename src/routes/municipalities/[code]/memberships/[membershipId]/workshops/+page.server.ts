import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { listMembershipWorkshops, membershipLedgers } from '$lib/server/workshops/workshop-queries';
import { wholeNumber } from '$lib/schemas/fields';
import { membershipWorkshops } from './workshops.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership, actor } = await membershipWorkshops(event, 'read');
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000) },
		{ page: 1 }
	);
	const now = new Date();
	const [ledgers, workshops] = await Promise.all([
		membershipLedgers(
			db(),
			[{ id: membership.id, entitlement: membership.season.entitlement }],
			now
		),
		listMembershipWorkshops(db(), membership.id, values.page)
	]);
	return {
		membership,
		ledger: ledgers.get(membership.id)!,
		workshops,
		mayPropose:
			membership.state === 'active' &&
			(actor?.role === 'coordinator' || actor?.role === 'contact_person'),
		proposed: event.url.searchParams.get('proposed')
	};
};
