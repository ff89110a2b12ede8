import type { SessionUser } from '../auth/session';
import type { WorkshopActor } from '$lib/domain/workshops/workshop-states';

/** Where a workshop belongs: its season's network and its municipality. */
export interface WorkshopScope {
	networkId: string;
	municipalityCode: string;
}

/**
 * The role in which a person acts on a municipality's workshops of a network, strongest first:
 * the network's coordinator, the municipality's contact person, the network's expert (who acts
 * only on the workshops assigned to them: the domain rule checks that). Null: none of these.
 */
export function workshopActorFor(user: SessionUser, scope: WorkshopScope): WorkshopActor | null {
	const has = (role: string, match: (r: SessionUser['roles'][number]) => boolean) =>
		user.roles.some((r) => r.role === role && match(r));
	if (has('coordinator', (r) => r.networkId === scope.networkId)) return { role: 'coordinator' };
	if (has('contact_person', (r) => r.municipalityCode === scope.municipalityCode)) {
		return { role: 'contact_person', municipalityCode: scope.municipalityCode };
	}
	if (has('expert', (r) => r.networkId === scope.networkId)) {
		return { role: 'expert', personId: user.id };
	}
	return null;
}
