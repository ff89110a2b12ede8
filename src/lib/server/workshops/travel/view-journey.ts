import type { Db } from '../../db';
import { coordinatedNetworks, hasRole, type SessionUser } from '../../auth/session';
import type { WorkshopActor } from '$lib/domain/workshops/workshop-states';
import { getJourney, type JourneyPage } from './journey-queries';

export type JourneyView =
	{ ok: true; page: JourneyPage; as: WorkshopActor } | { ok: false; status: 403 | 404 };

/**
 * Who may see a journey claim: the expert whose it is, and the coordinators of every network
 * whose workshops it served. Others are refused before anything is looked up; an expert is
 * refused alike another expert's journey and one that does not exist.
 */
export async function viewJourney(
	db: Db,
	user: SessionUser,
	journeyId: string
): Promise<JourneyView> {
	const coordinator = hasRole(user, 'coordinator');
	if (!coordinator && !hasRole(user, 'expert')) return { ok: false, status: 403 };
	const page = await getJourney(db, journeyId);
	if (!page) return { ok: false, status: coordinator ? 404 : 403 };
	if (page.journey.expertId === user.id) {
		return { ok: true, page, as: { role: 'expert', personId: user.id } };
	}
	const networks = coordinatedNetworks(user);
	if (coordinator && page.workshops.every((w) => networks.includes(w.networkId))) {
		return { ok: true, page, as: { role: 'coordinator' } };
	}
	return { ok: false, status: coordinator ? 404 : 403 };
}
