import { proposalAsText } from '$lib/domain/decision-proposal';
import { loadProposal } from './proposal-request.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership, query, errors, input, document } = await loadProposal(event);
	return {
		query: {
			...query,
			body: input.body,
			presenter: input.presenterTitle,
			contact: input.contactPersonTitle
		},
		errors,
		document,
		text: proposalAsText(document),
		municipality: {
			code: membership.municipality.code,
			nameFi: membership.municipality.nameFi,
			nameSv: membership.municipality.nameSv
		},
		membershipId: membership.membership.id
	};
};
