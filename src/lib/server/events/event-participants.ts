import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { eventSignUps, municipalities, users } from '../db/schema';
import type { ExportTable } from '../export/table-export';
import { parseQuery } from '../http/parse';
import { numberedPage } from '../pagination';
import { activeSeats, type EventRow } from './seats';
import { waitingPosition } from '$lib/domain/events/capacity';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { ATTENDANCE_MODES, type AttendanceMode } from '$lib/domain/events/event-types';
import { POSITIONS, type Position } from '$lib/domain/positions';
import { choice, wholeNumber } from '$lib/schemas/fields';
import { z } from 'zod';

export const PARTICIPANTS_PAGE_SIZE = 50;
/** A bound on an export: more than any event has sign-ups. */
const MAX_EXPORT_ROWS = 10_000;

export const SIGN_UP_STATES = ['confirmed', 'waiting', 'cancelled'] as const;
export type SignUpState = (typeof SIGN_UP_STATES)[number];

/** The participant list's filters in the query string, field by field (see parseQuery). */
const participantQueryShape = {
	municipality: z.string().regex(/^\d{3}$/, 'error.invalidChoice'),
	position: choice(POSITIONS),
	mode: choice(ATTENDANCE_MODES),
	state: choice(SIGN_UP_STATES),
	page: wholeNumber(1, 100_000)
};

const participantQueryDefaults = {
	municipality: '',
	position: null as Position | null,
	mode: null as AttendanceMode | null,
	state: null as SignUpState | null,
	page: 1
};

export type ParticipantQuery = typeof participantQueryDefaults;

export function parseParticipantQuery(params: URLSearchParams) {
	return parseQuery(params, participantQueryShape, participantQueryDefaults);
}

/**
 * Whose sign-ups a viewer sees: network staff every municipality's, a contact person only
 * the municipalities they look after (`only`), whatever the filter asks for.
 */
export interface ParticipantScope {
	only: string[] | null;
	/** Special arrangements (diet, access) are for the coordinators who arrange the event. */
	arrangements: boolean;
}

function conditions(eventId: string, query: ParticipantQuery, scope: ParticipantScope): SQL {
	const parts: (SQL | undefined)[] = [eq(eventSignUps.eventId, eventId)];
	if (scope.only) parts.push(inArray(eventSignUps.municipalityCode, scope.only));
	if (query.municipality) parts.push(eq(eventSignUps.municipalityCode, query.municipality));
	if (query.mode) parts.push(eq(eventSignUps.mode, query.mode));
	if (query.state) parts.push(eq(eventSignUps.state, query.state));
	if (query.position) {
		parts.push(sql`${users.positions} @> array[${query.position}]::person_position[]`);
	}
	return and(...parts)!;
}

/** Confirmed first, then the waiting lists, then those cancelled; by municipality and name. */
const stateOrder = sql`case ${eventSignUps.state} when 'confirmed' then 0 when 'waiting' then 1 else 2 end`;

function participantColumns() {
	return {
		signUpId: eventSignUps.id,
		userId: eventSignUps.userId,
		name: users.name,
		email: users.email,
		title: users.title,
		positions: users.positions,
		erased: sql<boolean>`${users.erasedAt} is not null`,
		municipalityCode: eventSignUps.municipalityCode,
		municipalityFi: municipalities.nameFi,
		municipalitySv: municipalities.nameSv,
		mode: eventSignUps.mode,
		state: eventSignUps.state,
		arrangements: eventSignUps.arrangements,
		signedUpAt: eventSignUps.createdAt,
		attended: eventSignUps.attended
	};
}

function baseQuery(db: Db, where: SQL) {
	return db
		.select(participantColumns())
		.from(eventSignUps)
		.innerJoin(users, eq(users.id, eventSignUps.userId))
		.innerJoin(municipalities, eq(municipalities.code, eventSignUps.municipalityCode))
		.where(where)
		.orderBy(stateOrder, asc(municipalities.nameFi), asc(eventSignUps.mode), asc(eventSignUps.seq));
}

/**
 * Each row with its place in its mode's waiting list, counted as seats are given
 * (`waitingPosition` over the event's active sign-ups, read once and only when someone waits).
 */
async function withWaitingPositions<T extends { signUpId: string; state: string }>(
	db: Db,
	eventId: string,
	rows: T[]
): Promise<(T & { waitingPosition: number | null })[]> {
	const seats = rows.some((r) => r.state === 'waiting') ? await activeSeats(db, eventId) : [];
	return rows.map((r) => ({ ...r, waitingPosition: waitingPosition(seats, r.signUpId) }));
}

export type ParticipantRow = Awaited<ReturnType<typeof listEventParticipants>>['rows'][number];

/** One page of an event's sign-ups as the filters ask, with counts by state for the heading. */
export async function listEventParticipants(
	db: Db,
	eventId: string,
	query: ParticipantQuery,
	scope: ParticipantScope
) {
	const where = conditions(eventId, query, scope);
	const [totals, municipalityOptions] = await Promise.all([
		db
			.select({ state: eventSignUps.state, n: count() })
			.from(eventSignUps)
			.innerJoin(users, eq(users.id, eventSignUps.userId))
			.where(where)
			.groupBy(eventSignUps.state),
		participantMunicipalities(db, eventId, scope)
	]);
	const byState = { confirmed: 0, waiting: 0, cancelled: 0 };
	for (const t of totals) byState[t.state] = t.n;
	const total = byState.confirmed + byState.waiting + byState.cancelled;
	const { page, pages, offset } = numberedPage(total, query.page, PARTICIPANTS_PAGE_SIZE);
	const rows = await withWaitingPositions(
		db,
		eventId,
		await baseQuery(db, where).limit(PARTICIPANTS_PAGE_SIZE).offset(offset)
	);
	return {
		page,
		pages,
		total,
		byState,
		municipalities: municipalityOptions,
		rows: rows.map((r) => hideFor(r, scope))
	};
}

/** An erased person's sign-up stays in the counts, without a name; arrangements by scope. */
function hideFor<T extends { erased: boolean; name: string; email: string; title: string }>(
	row: T & { arrangements: string | null },
	scope: ParticipantScope
): T & { arrangements: string | null } {
	return {
		...row,
		name: row.erased ? '' : row.name,
		email: row.erased ? '' : row.email,
		title: row.erased ? '' : row.title,
		arrangements: scope.arrangements ? row.arrangements : null
	};
}

/** The municipalities with sign-ups for the event (the filter's choices), by name. */
export async function participantMunicipalities(db: Db, eventId: string, scope: ParticipantScope) {
	return db
		.selectDistinct({
			code: municipalities.code,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv
		})
		.from(eventSignUps)
		.innerJoin(municipalities, eq(municipalities.code, eventSignUps.municipalityCode))
		.where(
			and(
				eq(eventSignUps.eventId, eventId),
				scope.only ? inArray(eventSignUps.municipalityCode, scope.only) : undefined
			)
		)
		.orderBy(asc(municipalities.nameFi), asc(municipalities.code));
}

/** The same list, every page, as a table for CSV and XLSX. */
export async function exportEventParticipants(
	db: Db,
	event: EventRow,
	query: ParticipantQuery,
	scope: ParticipantScope,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const rows = (
		await withWaitingPositions(
			db,
			event.id,
			await baseQuery(db, conditions(event.id, query, scope)).limit(MAX_EXPORT_ROWS)
		)
	).map((r) => hideFor(r, scope));
	const yesNo = (v: boolean | null) =>
		v === null ? '' : v ? t('events.attendedYes') : t('events.attendedNo');
	return {
		title: t('participation.participants'),
		columns: [
			{ header: t('people.name'), width: 28 },
			{ header: t('people.email'), width: 30 },
			{ header: t('people.title_'), width: 24 },
			{ header: t('people.positions'), width: 30 },
			{ header: t('events.municipality'), width: 20 },
			{ header: t('events.mode'), width: 14 },
			{ header: t('participation.state'), width: 14 },
			{ header: t('participation.waitingPosition'), numeric: true },
			{ header: t('participation.signedUpAt'), width: 18 },
			{ header: t('events.attended'), width: 12 },
			...(scope.arrangements ? [{ header: t('participation.arrangements'), width: 30 }] : [])
		],
		rows: rows.map((r) => [
			r.name,
			r.email,
			r.title,
			r.positions.map((p) => t(`position.${p}`)).join(', '),
			locale === 'sv' ? r.municipalitySv : r.municipalityFi,
			t(`events.mode.${r.mode}`),
			t(`events.state.${r.state}`),
			r.waitingPosition,
			formatDateTime(locale, r.signedUpAt),
			yesNo(r.attended),
			...(scope.arrangements ? [r.arrangements ?? ''] : [])
		])
	};
}
