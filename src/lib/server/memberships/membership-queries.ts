import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import {
	files,
	membershipDecisions,
	memberships,
	municipalities,
	networks,
	seasons,
	users
} from '../db/schema';
import { isUuid } from '$lib/domain/uuid';

/** A municipality's memberships over the seasons, newest season first. */
export async function listMunicipalityMemberships(db: Db, code: string) {
	return db
		.select({
			id: memberships.id,
			state: memberships.state,
			seasonId: seasons.id,
			networkId: seasons.networkId,
			seasonNumber: seasons.number,
			startsOn: seasons.startsOn,
			endsOn: seasons.endsOn,
			leadThemeFi: seasons.leadThemeFi,
			leadThemeSv: seasons.leadThemeSv,
			leadThemeEn: seasons.leadThemeEn,
			workshopsPerMunicipality: seasons.workshopsPerMunicipality,
			networkShortName: networks.shortName
		})
		.from(memberships)
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(eq(memberships.municipalityCode, code))
		.orderBy(desc(seasons.startsOn))
		.limit(100);
}

const contact = alias(users, 'contact');

/**
 * One membership of a municipality with its decisions. The code is part of the lookup, so a
 * membership of another municipality is simply not found.
 */
export async function getMembership(db: Db, code: string, membershipId: string) {
	if (!isUuid(membershipId)) return null;
	const [row] = await db
		.select({
			membership: memberships,
			season: seasons,
			network: networks,
			municipality: municipalities,
			contact: {
				id: contact.id,
				name: contact.name,
				title: contact.title,
				email: contact.email,
				positions: contact.positions
			}
		})
		.from(memberships)
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.leftJoin(contact, eq(contact.id, memberships.contactPersonId))
		.where(and(eq(memberships.id, membershipId), eq(memberships.municipalityCode, code)))
		.limit(1);
	if (!row) return null;
	const decisions = await db
		.select({
			id: membershipDecisions.id,
			body: membershipDecisions.body,
			meetingDate: membershipDecisions.meetingDate,
			section: membershipDecisions.section,
			presenterTitle: membershipDecisions.presenterTitle,
			proposal: membershipDecisions.proposal,
			decision: membershipDecisions.decision,
			outcome: membershipDecisions.outcome,
			minutesFileId: membershipDecisions.minutesFileId,
			minutesName: files.name
		})
		.from(membershipDecisions)
		.leftJoin(files, eq(files.id, membershipDecisions.minutesFileId))
		.where(eq(membershipDecisions.membershipId, membershipId))
		.orderBy(desc(membershipDecisions.meetingDate), desc(membershipDecisions.createdAt))
		.limit(50);
	return { ...row, contact: row.contact?.id ? row.contact : null, decisions };
}

/** The minutes extract of a decision of this municipality, or null. */
export async function getDecisionMinutes(db: Db, code: string, decisionId: string) {
	if (!isUuid(decisionId)) return null;
	const [row] = await db
		.select({ name: files.name, contentType: files.contentType, data: files.data })
		.from(membershipDecisions)
		.innerJoin(memberships, eq(memberships.id, membershipDecisions.membershipId))
		.innerJoin(files, eq(files.id, membershipDecisions.minutesFileId))
		.where(and(eq(membershipDecisions.id, decisionId), eq(memberships.municipalityCode, code)))
		.limit(1);
	return row ?? null;
}

/** People of a municipality to choose a contact person from (a municipality has at most hundreds). */
export async function listContactCandidates(db: Db, code: string) {
	return db
		.select({ id: users.id, name: users.name, title: users.title })
		.from(users)
		.where(and(eq(users.municipalityCode, code), isNull(users.erasedAt)))
		.orderBy(asc(users.name))
		.limit(500);
}
