import type { RequestEvent } from '@sveltejs/kit';
import { notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { getMembership } from '$lib/server/memberships/membership-queries';
import { buildProposalFor } from '$lib/server/memberships/proposal-input';
import { proposalQueryShape } from '$lib/schemas/membership';

/** Shared by the proposal page and its .docx: anyone with access to the municipality may draft it. */
export async function loadProposal(event: RequestEvent<{ code: string; membershipId: string }>) {
	requireMunicipality(event, event.params.code, 'read');
	const membership = await getMembership(db(), event.params.code, event.params.membershipId);
	if (!membership) notFound(event);
	const { values, errors } = parseQuery(event.url.searchParams, proposalQueryShape, {
		lang: event.locals.locale,
		body: '',
		presenter: '',
		contact: ''
	});
	const built = await buildProposalFor(db(), membership, {
		locale: values.lang,
		body: values.body,
		presenterTitle: values.presenter,
		contactPersonTitle: values.contact
	});
	if (!built) notFound(event);
	return { membership, query: values, errors, ...built };
}
