import type { Db } from '../../db';
import type { ExportTable } from '../../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import {
	listMunicipalityCosts,
	municipalityCostTotal,
	type CostPeriod
} from './municipality-costs';

/** A bound on the rows read: a municipality has some dozens of journeys a season. */
const MAX_ROWS = 5000;

/**
 * A municipality's approved travel costs as a table: one row per journey with the
 * municipality's part (net, VAT, total) beside the whole journey's total, and a total row.
 */
export async function exportMunicipalityCosts(
	db: Db,
	municipality: { code: string; nameFi: string; nameSv: string | null },
	period: CostPeriod,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const [{ rows }, total] = await Promise.all([
		listMunicipalityCosts(db, municipality.code, period, 1, MAX_ROWS),
		municipalityCostTotal(db, municipality.code, period)
	]);
	const name = locale === 'sv' && municipality.nameSv ? municipality.nameSv : municipality.nameFi;
	return {
		title: name,
		columns: [
			{ header: t('municipalityCosts.approvedAt'), width: 12 },
			{ header: t('travel.expert'), width: 24 },
			{ header: t('travel.from'), width: 20 },
			{ header: t('travel.to'), width: 20 },
			{ header: t('municipalityCosts.weight'), numeric: true },
			{ header: t('municipalityCosts.totalWeight'), numeric: true },
			{ header: t('travel.net'), money: true },
			{ header: t('travel.vat'), money: true },
			{ header: t('travel.amount'), money: true },
			{ header: t('municipalityCosts.journeyTotal'), money: true }
		],
		rows: [
			...rows.map((r) => [
				r.approvedAt ? formatDate(locale, r.approvedAt) : '',
				r.expertName,
				r.fromPlace,
				r.toPlace,
				r.weight,
				r.totalWeight,
				r.netCents,
				r.vatCents,
				r.grossCents,
				r.journeyGrossCents
			]),
			[
				t('workshopReports.total'),
				'',
				'',
				'',
				null,
				null,
				total.netCents,
				total.vatCents,
				total.grossCents,
				null
			]
		],
		notes: [
			t('workshopReports.periodNote', {
				from: period.from ? formatDate(locale, period.from) : '…',
				to: period.to ? formatDate(locale, period.to) : '…'
			})
		]
	};
}
