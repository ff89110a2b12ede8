import type { RequestEvent } from '@sveltejs/kit';
import { forbidden, notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { workshopActorFor } from '$lib/server/workshops/workshop-actor';
import { getMembershipForWorkshops } from '$lib/server/workshops/workshop-queries';

type Event = RequestEvent<{ code: string; membershipId: string }>;

/**
 * A membership's workshops, for the municipality's people (the contact person manages, the
 * participants read) and the coordinators of the season's network. Another municipality's
 * people are refused by the guard before anything is looked up; a coordinator of another
 * network finds nothing.
 */
export async function membershipWorkshops(event: Event, need: 'read' | 'manage') {
	const user = requireMunicipality(event, event.params.code, need);
	const membership = await getMembershipForWorkshops(
		db(),
		event.params.code,
		event.params.membershipId
	);
	if (!membership) notFound(event);
	const actor = workshopActorFor(user, {
		networkId: membership.season.networkId,
		municipalityCode: membership.municipality.code
	});
	const own = user.roles.some((r) => r.municipalityCode === event.params.code);
	if (!own && actor?.role !== 'coordinator') notFound(event);
	if (need === 'manage' && actor?.role !== 'coordinator' && actor?.role !== 'contact_person') {
		forbidden(event);
	}
	return { user, membership, actor };
}
