import type { Db } from '../db';
import { hasRole, type SessionUser } from '../auth/session';
import type { WorkshopActor } from '$lib/domain/workshops/workshop-states';
import { workshopActorFor } from './workshop-actor';
import { getWorkshop, type WorkshopPage } from './workshop-queries';

export interface WorkshopViewer {
	/** The role the person acts in on this workshop; null: they only read it. */
	actor: WorkshopActor | null;
	coordinator: boolean;
	/** The municipality's contact person (manages its workshops). */
	contactPerson: boolean;
	assignedExpert: boolean;
	/** Taking part as one of the municipality's people. */
	participant: boolean;
}

export type WorkshopView =
	{ ok: true; page: WorkshopPage; viewer: WorkshopViewer } | { ok: false; status: 403 | 404 };

/**
 * Who may see a municipality's workshop: its own people (the contact person manages, the
 * participants read), the coordinators of its network, and the experts assigned to it. Anyone
 * else is refused before anything is looked up, so the answer tells nothing of what exists; an
 * expert is refused alike for a workshop not assigned to them and for one that does not exist.
 */
export async function viewWorkshop(
	db: Db,
	user: SessionUser,
	code: string,
	workshopId: string
): Promise<WorkshopView> {
	const municipal = user.roles.some((r) => r.municipalityCode === code);
	const coordinator = hasRole(user, 'coordinator');
	const expert = hasRole(user, 'expert');
	if (!municipal && !coordinator && !expert) return { ok: false, status: 403 };
	const page = await getWorkshop(db, code, workshopId);
	if (!page) return { ok: false, status: municipal || coordinator ? 404 : 403 };
	const scope = { networkId: page.season.networkId, municipalityCode: code };
	const actor = workshopActorFor(user, scope);
	const assignedExpert = page.experts.some((e) => e.id === user.id);
	const ofNetwork = actor?.role === 'coordinator';
	if (!municipal && !ofNetwork && !assignedExpert) {
		// a coordinator of another network finds nothing here; an expert is simply refused
		return { ok: false, status: coordinator ? 404 : 403 };
	}
	return {
		ok: true,
		page,
		viewer: {
			actor: actor?.role === 'expert' && !assignedExpert ? null : actor,
			coordinator: ofNetwork,
			contactPerson: actor?.role === 'contact_person',
			assignedExpert,
			participant: page.participants.some((p) => p.id === user.id)
		}
	};
}
