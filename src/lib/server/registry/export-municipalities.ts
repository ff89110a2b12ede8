import type { Db } from '../db';
import type { ExportTable } from '../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import { listAllMunicipalities, type RegistryFilter } from './search-municipalities';

/** The registry as a table in the user's language, with Statistics Finland's attribution. */
export async function exportMunicipalities(
	db: Db,
	filter: RegistryFilter,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const rows = await listAllMunicipalities(db, filter, locale);
	const sv = locale === 'sv';
	return {
		title: t('registry.title'),
		columns: [
			{ header: t('registry.code'), width: 10 },
			{ header: t('registry.name'), width: 22 },
			{ header: t('registry.nameSv'), width: 22 },
			{ header: t('registry.region'), width: 22 },
			{ header: t('registry.wellbeingCounty'), width: 36 },
			{ header: t('registry.subregion'), width: 20 },
			{ header: t('registry.employmentArea'), width: 28 },
			{ header: t('registry.languageStatus'), width: 30 },
			{ header: t('registry.municipalityGroup'), width: 18 },
			{ header: t('registry.population'), width: 12, numeric: true },
			{ header: t('registry.sizeClass'), width: 10, numeric: true },
			{ header: t('registry.abolished', { date: '' }).trim(), width: 12 },
			{ header: t('registry.source'), width: 18 }
		],
		rows: rows.map((r) => [
			r.code,
			sv ? r.nameSv : r.nameFi,
			r.nameSv,
			sv ? r.regionSv : r.regionFi,
			sv ? r.wellbeingCountySv : r.wellbeingCountyFi,
			r.subregionFi,
			r.employmentAreaFi,
			t(`language.${r.languageStatus}` as 'language.0'),
			t(`group.${r.municipalityGroup}` as 'group.1'),
			r.population,
			r.sizeClass,
			r.abolishedOn,
			t('registry.sourceName')
		]),
		notes: [t('registry.attributionLicence')]
	};
}
