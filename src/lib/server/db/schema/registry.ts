import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	pgTable,
	smallint,
	text,
	timestamp,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';

/** Every Finnish municipality, current and abolished, from Statistics Finland's data. */
export const municipalities = pgTable(
	'municipalities',
	{
		code: text('code').primaryKey(),
		nameFi: text('name_fi').notNull(),
		nameSv: text('name_sv').notNull(),
		nameEn: text('name_en').notNull(),
		regionCode: text('region_code').notNull(),
		regionFi: text('region_fi').notNull(),
		regionSv: text('region_sv').notNull(),
		wellbeingCountyCode: text('wellbeing_county_code').notNull(),
		wellbeingCountyFi: text('wellbeing_county_fi').notNull(),
		wellbeingCountySv: text('wellbeing_county_sv').notNull(),
		subregionCode: text('subregion_code').notNull(),
		subregionFi: text('subregion_fi').notNull(),
		employmentAreaCode: text('employment_area_code').notNull(),
		employmentAreaFi: text('employment_area_fi').notNull(),
		languageStatus: smallint('language_status').notNull(),
		municipalityGroup: smallint('municipality_group').notNull(),
		/** Null only for an abolished municipality whose last figure we do not ship. */
		population: integer('population'),
		populationDate: date('population_date'),
		/** Statistics Finland size group 1–10, derived from population on import. */
		sizeClass: smallint('size_class'),
		/** Both names, lower-cased and stripped of accents, for partial search. */
		searchKey: text('search_key').notNull(),
		abolishedOn: date('abolished_on'),
		mergedInto: text('merged_into').references((): AnyPgColumn => municipalities.code, {
			onDelete: 'restrict'
		}),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('municipality_code_format', sql`${t.code} ~ '^[0-9]{3}$'`),
		check('municipality_size_class_range', sql`${t.sizeClass} between 1 and 10`),
		check(
			'municipality_current_has_population',
			sql`${t.abolishedOn} is not null or (${t.population} is not null and ${t.sizeClass} is not null and ${t.populationDate} is not null)`
		),
		check('municipality_language_status_range', sql`${t.languageStatus} between 0 and 3`),
		// partial name search ("hameen" finds Hämeenlinna) without a scan
		index('municipalities_search_key_trgm').using('gin', sql`${t.searchKey} gin_trgm_ops`),
		// default listing: current municipalities by Finnish name
		index('municipalities_current_name')
			.on(t.nameFi)
			.where(sql`${t.abolishedOn} is null`),
		// filters of the registry page
		index('municipalities_region').on(t.regionCode),
		index('municipalities_wellbeing_county').on(t.wellbeingCountyCode),
		index('municipalities_employment_area').on(t.employmentAreaCode),
		index('municipalities_size_class').on(t.sizeClass),
		index('municipalities_population').on(t.population)
	]
);
