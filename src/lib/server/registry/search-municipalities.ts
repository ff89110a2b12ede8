import { and, asc, count, desc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { numberedPage } from '../pagination';
import { cachedRegistryAnswer } from './registry-cache';
import { municipalities } from '../db/schema';
import { searchKey } from '$lib/domain/search-key';
import type { Locale } from '$lib/i18n/locales';
import type { RegistryQuery } from '$lib/schemas/registry';

export type RegistryFilter = Omit<RegistryQuery, 'page' | 'perPage'>;

function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(filter: RegistryFilter): SQL | undefined {
	const where: (SQL | undefined)[] = [];
	const key = searchKey(filter.q);
	if (key) where.push(ilike(municipalities.searchKey, `%${escapeLike(key)}%`));
	if (filter.region) where.push(eq(municipalities.regionCode, filter.region));
	if (filter.county) where.push(eq(municipalities.wellbeingCountyCode, filter.county));
	if (filter.area) where.push(eq(municipalities.employmentAreaCode, filter.area));
	if (filter.language !== null) where.push(eq(municipalities.languageStatus, filter.language));
	if (filter.size !== null) where.push(eq(municipalities.sizeClass, filter.size));
	if (!filter.abolished) where.push(isNull(municipalities.abolishedOn));
	return and(...where);
}

function ordering(filter: RegistryFilter, locale: Locale): SQL[] {
	const direction = filter.dir === 'desc' ? desc : asc;
	// byte order puts Å, Ä and Ö after Z as Finnish and Swedish readers expect, on both databases
	const name = sql`${locale === 'sv' ? municipalities.nameSv : municipalities.nameFi} collate "C"`;
	switch (filter.sort) {
		case 'code':
			return [direction(municipalities.code)];
		case 'population':
			return [direction(sql`coalesce(${municipalities.population}, -1)`), asc(municipalities.code)];
		default:
			return [direction(name), asc(municipalities.code)];
	}
}

const listColumns = {
	code: municipalities.code,
	nameFi: municipalities.nameFi,
	nameSv: municipalities.nameSv,
	nameEn: municipalities.nameEn,
	regionFi: municipalities.regionFi,
	regionSv: municipalities.regionSv,
	wellbeingCountyFi: municipalities.wellbeingCountyFi,
	wellbeingCountySv: municipalities.wellbeingCountySv,
	employmentAreaFi: municipalities.employmentAreaFi,
	languageStatus: municipalities.languageStatus,
	population: municipalities.population,
	sizeClass: municipalities.sizeClass,
	abolishedOn: municipalities.abolishedOn
};

/** One page of the registry, with the total for the pager (kept for a minute: registry-cache). */
export function searchMunicipalities(db: Db, query: RegistryQuery, locale: Locale) {
	return cachedRegistryAnswer(db, `search:${locale}:${JSON.stringify(query)}`, () =>
		findMunicipalities(db, query, locale)
	);
}

async function findMunicipalities(db: Db, query: RegistryQuery, locale: Locale) {
	const where = conditions(query);
	const fetchPage = (page: number) =>
		db
			// the total comes with the rows: one round trip for the page and its pager
			.select({ ...listColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
			.from(municipalities)
			.where(where)
			.orderBy(...ordering(query, locale))
			.limit(query.perPage)
			.offset((page - 1) * query.perPage);
	let page = query.page;
	let found = await fetchPage(page);
	if (found.length === 0 && page > 1) {
		// past the end: show the last page instead
		const [totalRow] = await db.select({ n: count() }).from(municipalities).where(where);
		page = numberedPage(totalRow?.n ?? 0, page, query.perPage).page;
		found = await fetchPage(page);
	}
	const total = found[0]?.total ?? 0;
	const { pages } = numberedPage(total, page, query.perPage);
	const rows = found.map(({ total: _total, ...row }) => row);
	return { rows, total, page, pages };
}

/** Every row that matches, for export. The registry is bounded (about 300 municipalities). */
export async function listAllMunicipalities(db: Db, filter: RegistryFilter, locale: Locale) {
	return db
		.select({
			...listColumns,
			subregionFi: municipalities.subregionFi,
			municipalityGroup: municipalities.municipalityGroup,
			populationDate: municipalities.populationDate,
			mergedInto: municipalities.mergedInto
		})
		.from(municipalities)
		.where(conditions(filter))
		.orderBy(...ordering(filter, locale))
		.limit(1000);
}

export type RegistryFacets = Awaited<ReturnType<typeof loadFacets>>;

/** The choices of the registry's filters (kept for a minute: registry-cache). */
export function registryFacets(db: Db): Promise<RegistryFacets> {
	return cachedRegistryAnswer(db, 'facets', () => loadFacets(db));
}

async function loadFacets(db: Db) {
	// one round trip for the three lists
	const rows = await db.execute<{ kind: string; code: string; fi: string; sv: string }>(sql`
		select distinct 'region' as kind, region_code as code, region_fi as fi, region_sv as sv
			from ${municipalities} where abolished_on is null
		union all
		select distinct 'county', wellbeing_county_code, wellbeing_county_fi, wellbeing_county_sv
			from ${municipalities} where abolished_on is null
		union all
		select distinct 'area', employment_area_code, employment_area_fi, employment_area_fi
			from ${municipalities} where abolished_on is null
		order by 1, 3`);
	// both drivers answer with { rows }
	const list = (
		rows as unknown as { rows: { kind: string; code: string; fi: string; sv: string }[] }
	).rows;
	const pick = (kind: string) =>
		list.filter((r) => r.kind === kind).map(({ code, fi, sv }) => ({ code, fi, sv }));
	const regions = pick('region').sort((a, b) => a.code.localeCompare(b.code));
	return { regions, counties: pick('county'), areas: pick('area') };
}

export async function getMunicipality(db: Db, code: string) {
	if (!/^\d{3}$/.test(code)) return null;
	const [row] = await db
		.select()
		.from(municipalities)
		.where(eq(municipalities.code, code))
		.limit(1);
	if (!row) return null;
	let mergedInto: { code: string; nameFi: string; nameSv: string } | null = null;
	if (row.mergedInto) {
		const [target] = await db
			.select({
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv
			})
			.from(municipalities)
			.where(eq(municipalities.code, row.mergedInto))
			.limit(1);
		mergedInto = target ?? null;
	}
	return { ...row, mergedIntoMunicipality: mergedInto };
}
