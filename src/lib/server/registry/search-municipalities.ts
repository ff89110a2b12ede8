import { and, asc, count, desc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
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

/** One page of the registry, with the total for the pager. */
export async function searchMunicipalities(db: Db, query: RegistryQuery, locale: Locale) {
	const where = conditions(query);
	const [totalRow] = await db.select({ n: count() }).from(municipalities).where(where);
	const total = totalRow?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / query.perPage));
	const page = Math.min(query.page, pages);
	const rows = await db
		.select(listColumns)
		.from(municipalities)
		.where(where)
		.orderBy(...ordering(query, locale))
		.limit(query.perPage)
		.offset((page - 1) * query.perPage);
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

/** The choices of the registry's filters. */
export async function registryFacets(db: Db) {
	const current = isNull(municipalities.abolishedOn);
	const [regions, counties, areas] = await Promise.all([
		db
			.selectDistinct({
				code: municipalities.regionCode,
				fi: municipalities.regionFi,
				sv: municipalities.regionSv
			})
			.from(municipalities)
			.where(current)
			.orderBy(municipalities.regionCode),
		db
			.selectDistinct({
				code: municipalities.wellbeingCountyCode,
				fi: municipalities.wellbeingCountyFi,
				sv: municipalities.wellbeingCountySv
			})
			.from(municipalities)
			.where(current)
			.orderBy(municipalities.wellbeingCountyFi),
		db
			.selectDistinct({
				code: municipalities.employmentAreaCode,
				fi: municipalities.employmentAreaFi,
				sv: municipalities.employmentAreaFi
			})
			.from(municipalities)
			.where(current)
			.orderBy(municipalities.employmentAreaFi)
	]);
	return { regions, counties, areas };
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
