import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { numberedPage } from '../pagination';
import { memberships, municipalities, seasons, users } from '../db/schema';
import { parseQuery } from '../http/parse';
import { listSeasons } from '../seasons/season-queries';
import { choice, text, wholeNumber } from '$lib/schemas/fields';
import { MAX_SEARCH_LENGTH, searchKey } from '$lib/domain/search-key';
import { POSITIONS, type Position } from '$lib/domain/positions';
import type { ExportTable } from '../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';

export const NETWORK_PEOPLE_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The people list's filters in the query string, field by field (see parseQuery). */
export const networkPeopleQueryShape = {
	/** A municipality code (785) or part of a name in Finnish or Swedish (vaa). */
	municipality: text({ max: MAX_SEARCH_LENGTH, optional: true }),
	position: choice(POSITIONS),
	season: z.string().regex(UUID, 'error.invalidChoice'),
	q: text({ max: MAX_SEARCH_LENGTH, optional: true }),
	page: wholeNumber(1, 100_000)
};

export const networkPeopleQueryDefaults = {
	municipality: '',
	position: null as Position | null,
	season: '',
	q: '',
	page: 1
};

export type NetworkPeopleQuery = typeof networkPeopleQueryDefaults;

export function parseNetworkPeopleQuery(params: URLSearchParams) {
	return parseQuery(params, networkPeopleQueryShape, networkPeopleQueryDefaults);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The municipalities whose people a coordinator of these networks looks after: those with a
 * membership (in any state) in one of the networks' seasons, or in the one season asked for.
 * Served by seasons_network_number and memberships_season_state.
 */
export function networkMunicipalities(db: Db, networkIds: string[], seasonId?: string) {
	return db
		.select({ code: memberships.municipalityCode })
		.from(memberships)
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.where(
			and(
				inArray(seasons.networkId, networkIds),
				seasonId ? eq(memberships.seasonId, seasonId) : undefined
			)
		);
}

/**
 * Which people a query asks for, among those of the networks (and of the season, if given).
 * Rows come from users joined to municipalities; every filter narrows an indexed lookup.
 */
export function networkPeopleCondition(
	db: Db,
	networkIds: string[],
	seasonId: string,
	query: Pick<NetworkPeopleQuery, 'municipality' | 'position' | 'q'>
): SQL | undefined {
	const where: (SQL | undefined)[] = [
		inArray(users.municipalityCode, networkMunicipalities(db, networkIds, seasonId || undefined))
	];
	const place = query.municipality.trim();
	if (/^\d{3}$/.test(place)) {
		where.push(eq(users.municipalityCode, place));
	} else if (place) {
		// municipalities_search_key_trgm
		const key = searchKey(place);
		if (key) where.push(ilike(municipalities.searchKey, `%${escapeLike(key)}%`));
	}
	if (query.position) {
		where.push(sql`${users.positions} @> array[${query.position}]::person_position[]`);
	}
	const q = query.q.trim();
	if (q) {
		const pattern = `%${escapeLike(q)}%`;
		where.push(isNull(users.erasedAt), or(ilike(users.name, pattern), ilike(users.email, pattern)));
	}
	return and(...where);
}

/**
 * Municipality by municipality (users_municipality_name), then by name in byte order, which
 * puts Å, Ä and Ö after Z as Finnish and Swedish readers expect, on both databases.
 */
export const networkPeopleOrder = () => [
	asc(users.municipalityCode),
	asc(sql`${users.name} collate "C"`),
	asc(users.id)
];

/**
 * One page of the people of the networks' member municipalities, 50 a page with the total,
 * ordered by municipality, then name. An erased person stays
 * listed as an anonymous row, with no name or address; the text search never finds one.
 */
export async function listNetworkPeople(db: Db, networkIds: string[], query: NetworkPeopleQuery) {
	const networkSeasons = await listSeasons(db, networkIds);
	const unknownSeason = !!query.season && !networkSeasons.some((s) => s.id === query.season);
	const seasonId = unknownSeason ? '' : query.season;
	const empty = { seasons: networkSeasons, unknownSeason, rows: [], total: 0, page: 1, pages: 1 };
	if (networkIds.length === 0) return empty;

	const condition = networkPeopleCondition(db, networkIds, seasonId, query);

	const [totalRow] = await db
		.select({ n: count() })
		.from(users)
		.innerJoin(municipalities, eq(municipalities.code, users.municipalityCode))
		.where(condition);
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, query.page, NETWORK_PEOPLE_PAGE_SIZE);
	const found = await db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			title: users.title,
			positions: users.positions,
			erasedAt: users.erasedAt,
			municipalityCode: municipalities.code,
			municipalityNameFi: municipalities.nameFi,
			municipalityNameSv: municipalities.nameSv
		})
		.from(users)
		.innerJoin(municipalities, eq(municipalities.code, users.municipalityCode))
		.where(condition)
		.orderBy(...networkPeopleOrder())
		.limit(NETWORK_PEOPLE_PAGE_SIZE)
		.offset(offset);

	const rows = found.map((r) => {
		const erased = r.erasedAt !== null;
		return {
			...r,
			erased,
			// the placeholder address of an erased person is nobody's to read
			name: erased ? '' : r.name,
			email: erased ? '' : r.email,
			positions: r.positions as Position[]
		};
	});
	return { seasons: networkSeasons, unknownSeason, rows, total, page, pages };
}

export type NetworkPerson = Awaited<ReturnType<typeof listNetworkPeople>>['rows'][number];

/** A bound on an export: more people than the networks' members have. */
const MAX_EXPORT_ROWS = 50_000;

/**
 * The same people as the list shows for the query, every page, as a table for CSV and XLSX:
 * the network's contact list. Erased people are left out (they have nothing left to export).
 */
export async function exportNetworkPeople(
	db: Db,
	networkIds: string[],
	query: NetworkPeopleQuery,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const networkSeasons = await listSeasons(db, networkIds);
	const seasonId = networkSeasons.some((s) => s.id === query.season) ? query.season : '';
	const rows =
		networkIds.length === 0
			? []
			: await db
					.select({
						name: users.name,
						email: users.email,
						title: users.title,
						positions: users.positions,
						code: municipalities.code,
						nameFi: municipalities.nameFi,
						nameSv: municipalities.nameSv
					})
					.from(users)
					.innerJoin(municipalities, eq(municipalities.code, users.municipalityCode))
					.where(
						and(networkPeopleCondition(db, networkIds, seasonId, query), isNull(users.erasedAt))
					)
					.orderBy(...networkPeopleOrder())
					.limit(MAX_EXPORT_ROWS);
	return {
		title: t('people.network').slice(0, 31),
		columns: [
			{ header: t('people.name'), width: 28 },
			{ header: t('people.email'), width: 32 },
			{ header: t('participation.code'), width: 8 },
			{ header: t('people.municipality'), width: 20 },
			{ header: t('people.title_'), width: 28 },
			{ header: t('people.positions'), width: 36 }
		],
		rows: rows.map((r) => [
			r.name,
			r.email,
			r.code,
			locale === 'sv' ? r.nameSv : r.nameFi,
			r.title,
			(r.positions as Position[]).map((p) => t(`position.${p}`)).join(', ')
		])
	};
}
