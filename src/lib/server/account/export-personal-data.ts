import { and, asc, desc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	auditLog,
	authAttempts,
	authTokens,
	calendarFeeds,
	eventFeedback,
	eventSignUps,
	events,
	files,
	journeyLines,
	journeys,
	membershipDecisions,
	memberships,
	municipalities,
	networks,
	outbox,
	roleAssignments,
	seasons,
	sessions,
	users,
	workshopExperts,
	workshopFeedback,
	workshopParticipants,
	workshops
} from '../db/schema';
import { accountKey } from '../auth/rate-limit';

/** The audit entries exported at most; a person who did more gets the latest ones and a note. */
export const AUDIT_EXPORT_LIMIT = 10_000;
/** The same bound for e-mails sent to the person. */
export const OUTBOX_EXPORT_LIMIT = 10_000;

export const PERSONAL_DATA_FORMAT = 'verkosto-personal-data/1';

/** What the export says of a workshop the person took part in or held. */
const WORKSHOP_COLUMNS = {
	workshopId: workshops.id,
	municipalityCode: memberships.municipalityCode,
	state: workshops.state,
	startsAt: workshops.startsAt,
	endsAt: workshops.endsAt,
	need: workshops.need
};

/**
 * Everything the platform stores about one person, for the right of access (GDPR art. 15):
 * profile, roles, memberships they are contact person of, decisions they recorded, the audit
 * entries they made or that are about them, e-mails to their address, sessions, sign-in
 * links and attempts, files they uploaded, their sign-ups for events (with the arrangements
 * they stated), their feedback and their calendar feeds, the workshops they take part in, held
 * as an expert or proposed, their workshop feedback, and their travel cost claims with every
 * line (a receipt by its file name: the file itself is theirs to download in the service) and
 * the claims they reviewed. Secrets are left out: the password hash (only
 * whether one is set), the ids of sessions and tokens, which are hashes of bearer secrets, and
 * calendar feeds' secret addresses.
 */
export async function exportPersonalData(db: Db, userId: string, now = new Date()) {
	const [person] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
	if (!person) return null;

	const [
		roles,
		contactPersonOf,
		decisionsRecorded,
		auditRows,
		mail,
		activeSessions,
		signInLinks,
		signInAttempts,
		uploaded,
		signUps,
		feedback,
		feeds,
		workshopsTakenPart,
		workshopsAsExpert,
		workshopsProposed,
		workshopAnswers,
		ownJourneys,
		ownJourneyLines,
		journeysReviewed
	] = await Promise.all([
		db
			.select({
				role: roleAssignments.role,
				networkId: roleAssignments.networkId,
				network: networks.shortName,
				municipalityCode: roleAssignments.municipalityCode,
				createdAt: roleAssignments.createdAt
			})
			.from(roleAssignments)
			.leftJoin(networks, eq(networks.id, roleAssignments.networkId))
			// role_assignments_user
			.where(eq(roleAssignments.userId, userId))
			.orderBy(asc(roleAssignments.createdAt)),
		db
			.select({
				membershipId: memberships.id,
				municipalityCode: memberships.municipalityCode,
				municipality: municipalities.nameFi,
				network: networks.shortName,
				seasonNumber: seasons.number,
				seasonStartsOn: seasons.startsOn,
				seasonEndsOn: seasons.endsOn,
				state: memberships.state
			})
			.from(memberships)
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.innerJoin(networks, eq(networks.id, seasons.networkId))
			.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
			// no index on contact_person_id: memberships are bounded (seasons × municipalities)
			.where(eq(memberships.contactPersonId, userId))
			.orderBy(desc(seasons.startsOn)),
		db
			.select({
				decisionId: membershipDecisions.id,
				membershipId: membershipDecisions.membershipId,
				municipalityCode: memberships.municipalityCode,
				body: membershipDecisions.body,
				meetingDate: membershipDecisions.meetingDate,
				section: membershipDecisions.section,
				outcome: membershipDecisions.outcome,
				recordedAt: membershipDecisions.createdAt
			})
			.from(membershipDecisions)
			.innerJoin(memberships, eq(memberships.id, membershipDecisions.membershipId))
			// no index on recorded_by: decisions are bounded like memberships
			.where(eq(membershipDecisions.recordedBy, userId))
			.orderBy(desc(membershipDecisions.createdAt)),
		db
			.select({
				id: auditLog.id,
				at: auditLog.at,
				actorId: auditLog.actorId,
				actorLabel: auditLog.actorLabel,
				action: auditLog.action,
				entityType: auditLog.entityType,
				entityId: auditLog.entityId,
				before: auditLog.before,
				after: auditLog.after
			})
			.from(auditLog)
			.where(
				or(
					// by id, not by label: an earlier holder of the same address is someone else
					eq(auditLog.actorId, userId),
					and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId))
				)
			)
			.orderBy(desc(auditLog.id))
			.limit(AUDIT_EXPORT_LIMIT + 1),
		db
			.select({
				id: outbox.id,
				to: outbox.to,
				subject: outbox.subject,
				text: outbox.text,
				status: outbox.status,
				createdAt: outbox.createdAt,
				sentAt: outbox.sentAt
			})
			.from(outbox)
			.where(eq(outbox.to, person.email))
			.orderBy(desc(outbox.id))
			.limit(OUTBOX_EXPORT_LIMIT + 1),
		db
			.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
			.from(sessions)
			// sessions_user
			.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
			.orderBy(desc(sessions.createdAt)),
		db
			.select({
				purpose: authTokens.purpose,
				createdAt: authTokens.createdAt,
				expiresAt: authTokens.expiresAt,
				usedAt: authTokens.usedAt
			})
			.from(authTokens)
			// auth_tokens_user
			.where(eq(authTokens.userId, userId))
			.orderBy(desc(authTokens.createdAt)),
		db
			.select({ at: authAttempts.at, succeeded: authAttempts.succeeded })
			.from(authAttempts)
			// auth_attempts_key_at; attempts are purged after a day
			.where(eq(authAttempts.key, accountKey(person.email)))
			.orderBy(desc(authAttempts.at))
			.limit(1000),
		db
			.select({
				id: files.id,
				name: files.name,
				contentType: files.contentType,
				size: files.size,
				createdAt: files.createdAt
			})
			.from(files)
			.where(eq(files.uploadedBy, userId))
			.orderBy(desc(files.createdAt))
			.limit(1000),
		db
			.select({
				eventId: events.id,
				event: events.titleFi,
				startsAt: events.startsAt,
				mode: eventSignUps.mode,
				state: eventSignUps.state,
				arrangements: eventSignUps.arrangements,
				arrangementsErasedAt: eventSignUps.arrangementsErasedAt,
				signedUpAt: eventSignUps.createdAt,
				signedUpByYou: sql<boolean>`${eventSignUps.signedUpBy} = ${userId}`,
				confirmedAt: eventSignUps.confirmedAt,
				cancelledAt: eventSignUps.cancelledAt,
				attended: eventSignUps.attended
			})
			.from(eventSignUps)
			.innerJoin(events, eq(events.id, eventSignUps.eventId))
			// event_sign_ups_user
			.where(eq(eventSignUps.userId, userId))
			.orderBy(desc(events.startsAt))
			.limit(10_000),
		db
			.select({
				eventId: events.id,
				event: events.titleFi,
				scores: eventFeedback.scores,
				comment: eventFeedback.comment,
				givenAt: eventFeedback.createdAt
			})
			.from(eventFeedback)
			.innerJoin(events, eq(events.id, eventFeedback.eventId))
			// event_feedback_user
			.where(eq(eventFeedback.userId, userId))
			.orderBy(desc(eventFeedback.createdAt))
			.limit(10_000),
		db
			.select({
				kind: calendarFeeds.kind,
				network: networks.shortName,
				createdAt: calendarFeeds.createdAt,
				revokedAt: calendarFeeds.revokedAt
			})
			.from(calendarFeeds)
			.leftJoin(networks, eq(networks.id, calendarFeeds.networkId))
			.where(eq(calendarFeeds.userId, userId))
			.orderBy(desc(calendarFeeds.createdAt))
			.limit(1000),
		db
			.select({
				...WORKSHOP_COLUMNS,
				addedAt: workshopParticipants.addedAt,
				attended: workshopParticipants.attended
			})
			.from(workshopParticipants)
			.innerJoin(workshops, eq(workshops.id, workshopParticipants.workshopId))
			.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
			// workshop_participants_user
			.where(eq(workshopParticipants.userId, userId))
			.orderBy(desc(workshopParticipants.addedAt))
			.limit(10_000),
		db
			.select({
				...WORKSHOP_COLUMNS,
				assignedAt: workshopExperts.assignedAt
			})
			.from(workshopExperts)
			.innerJoin(workshops, eq(workshops.id, workshopExperts.workshopId))
			.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
			// workshop_experts_user
			.where(eq(workshopExperts.userId, userId))
			.orderBy(desc(workshopExperts.assignedAt))
			.limit(10_000),
		db
			.select({
				workshopId: workshops.id,
				municipalityCode: memberships.municipalityCode,
				state: workshops.state,
				need: workshops.need,
				goal: workshops.goal,
				strategyLink: workshops.strategyLink,
				preferredDates: workshops.preferredDates,
				proposedAt: workshops.createdAt
			})
			.from(workshops)
			.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
			// workshops_proposed_by
			.where(eq(workshops.proposedBy, userId))
			.orderBy(desc(workshops.createdAt))
			.limit(10_000),
		db
			.select({
				workshopId: workshopFeedback.workshopId,
				scores: workshopFeedback.scores,
				comment: workshopFeedback.comment,
				givenAt: workshopFeedback.createdAt
			})
			.from(workshopFeedback)
			// workshop_feedback_user
			.where(eq(workshopFeedback.userId, userId))
			.orderBy(desc(workshopFeedback.createdAt))
			.limit(10_000),
		db
			.select({
				id: journeys.id,
				state: journeys.state,
				from: journeys.fromPlace,
				to: journeys.toPlace,
				returnReason: journeys.returnReason,
				submittedAt: journeys.submittedAt,
				reviewedAt: journeys.reviewedAt,
				grossCents: journeys.grossCents,
				vatCents: journeys.vatCents,
				netCents: journeys.netCents,
				createdAt: journeys.createdAt
			})
			.from(journeys)
			// journeys_expert_state
			.where(eq(journeys.expertId, userId))
			.orderBy(desc(journeys.createdAt))
			.limit(10_000),
		db
			.select({
				journeyId: journeyLines.journeyId,
				kind: journeyLines.kind,
				day: journeyLines.day,
				distanceTenths: journeyLines.distanceTenths,
				grossCents: journeyLines.grossCents,
				vatCents: journeyLines.vatCents,
				vatBasisPoints: journeyLines.vatBasisPoints,
				description: journeyLines.description,
				approvedGrossCents: journeyLines.approvedGrossCents,
				approvedVatCents: journeyLines.approvedVatCents,
				receiptFileName: files.name
			})
			.from(journeyLines)
			.innerJoin(journeys, eq(journeys.id, journeyLines.journeyId))
			.leftJoin(files, eq(files.id, journeyLines.receiptFileId))
			// journeys_expert_state, then journey_lines_journey
			.where(eq(journeys.expertId, userId))
			.orderBy(asc(journeyLines.journeyId), asc(journeyLines.position))
			.limit(100_000),
		db
			.select({ journeyId: journeys.id, state: journeys.state, reviewedAt: journeys.reviewedAt })
			.from(journeys)
			// journeys_reviewed_by
			.where(eq(journeys.reviewedBy, userId))
			.orderBy(desc(journeys.reviewedAt))
			.limit(10_000)
	]);

	const linesByJourney = new Map<string, Omit<(typeof ownJourneyLines)[number], 'journeyId'>[]>();
	for (const { journeyId, ...line } of ownJourneyLines) {
		linesByJourney.set(journeyId, [...(linesByJourney.get(journeyId) ?? []), line]);
	}
	const auditCapped = auditRows.length > AUDIT_EXPORT_LIMIT;
	const mailCapped = mail.length > OUTBOX_EXPORT_LIMIT;
	const aboutSomeoneElse = (e: { entityType: string; entityId: string }) =>
		e.entityType === 'user' && e.entityId !== userId;

	return {
		format: PERSONAL_DATA_FORMAT,
		exportedAt: now.toISOString(),
		profile: {
			id: person.id,
			email: person.email,
			name: person.name,
			title: person.title,
			positions: person.positions,
			municipalityCode: person.municipalityCode,
			locale: person.locale,
			passwordSet: person.passwordHash !== null,
			createdAt: person.createdAt,
			disabledAt: person.disabledAt,
			erasedAt: person.erasedAt
		},
		roles,
		contactPersonOf,
		decisionsRecorded,
		auditLog: {
			limit: AUDIT_EXPORT_LIMIT,
			capped: auditCapped,
			...(auditCapped
				? { note: `Only the latest ${AUDIT_EXPORT_LIMIT} entries are included.` }
				: {}),
			entries: auditRows.slice(0, AUDIT_EXPORT_LIMIT).map((e) => ({
				at: e.at,
				actor: e.actorLabel,
				byYou: e.actorId === userId,
				action: e.action,
				entityType: e.entityType,
				entityId: e.entityId,
				// what they did to another person's record is that person's data, not theirs
				before: aboutSomeoneElse(e) ? null : e.before,
				after: aboutSomeoneElse(e) ? null : e.after,
				...(aboutSomeoneElse(e) ? { detailsOmitted: 'about another person' } : {})
			}))
		},
		emails: {
			limit: OUTBOX_EXPORT_LIMIT,
			capped: mailCapped,
			...(mailCapped
				? { note: `Only the latest ${OUTBOX_EXPORT_LIMIT} messages are included.` }
				: {}),
			messages: mail.slice(0, OUTBOX_EXPORT_LIMIT).map(({ id: _id, ...m }) => m)
		},
		activeSessions,
		signInLinks,
		signInAttempts,
		filesUploaded: uploaded,
		eventSignUps: signUps,
		eventFeedback: feedback,
		calendarFeeds: feeds,
		workshops: {
			takingPart: workshopsTakenPart,
			asExpert: workshopsAsExpert,
			proposed: workshopsProposed
		},
		workshopFeedback: workshopAnswers,
		journeys: ownJourneys.map((journey) => ({
			...journey,
			lines: linesByJourney.get(journey.id) ?? []
		})),
		journeysReviewed
	};
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof exportPersonalData>>>;

/** The name the download is saved under. */
export const PERSONAL_DATA_FILENAME = 'verkosto-omat-tiedot.json';
