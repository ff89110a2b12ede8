import type { Db } from '../db';
import type { ExportTable } from '../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import { AGE_BUCKETS } from '$lib/domain/billing/receivable-age';
import { billedBySeason, MAX_REPORT_EXPORT_ROWS, receivablesByAge } from './billing-reports';

export const BILLING_REPORTS = ['seasons', 'receivables'] as const;
export type BillingReport = (typeof BILLING_REPORTS)[number];

/** A billing report as a table, amounts in euros (ADR 026). */
export async function exportBillingReport(
	db: Db,
	report: BillingReport,
	networkIds: string[],
	today: string,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	if (report === 'seasons') {
		const { rows } = await billedBySeason(db, networkIds, 1, MAX_REPORT_EXPORT_ROWS);
		return {
			title: t('reports.bySeason'),
			columns: [
				{ header: t('billing.field.season'), numeric: true },
				{ header: t('billing.field.year'), numeric: true },
				{ header: t('reports.column.invoices'), numeric: true },
				{ header: t('reports.column.invoiced'), numeric: true },
				{ header: t('reports.column.creditNotes'), numeric: true },
				{ header: t('reports.column.credited'), numeric: true },
				{ header: t('reports.column.billed'), numeric: true },
				{ header: t('reports.column.paid'), numeric: true },
				{ header: t('reports.column.open'), numeric: true }
			],
			rows: rows.map((r) => [
				r.seasonNumber,
				r.year,
				r.invoiceCount,
				r.invoicedCents / 100,
				r.creditNoteCount,
				r.creditedCents / 100,
				r.billedCents / 100,
				r.paidCents / 100,
				r.openCents / 100
			])
		};
	}
	const { rows } = await receivablesByAge(db, networkIds, today, 1, MAX_REPORT_EXPORT_ROWS);
	return {
		title: t('reports.receivables'),
		columns: [
			{ header: t('registry.code'), width: 8 },
			{ header: t('billing.column.municipality'), width: 24 },
			{ header: t('reports.column.invoices'), numeric: true },
			...AGE_BUCKETS.map((b) => ({ header: t(`reports.age.${b.key}`), numeric: true })),
			{ header: t('reports.column.total'), numeric: true }
		],
		rows: rows.map((r) => [
			r.code,
			locale === 'sv' && r.nameSv ? r.nameSv : r.nameFi,
			r.invoiceCount,
			...AGE_BUCKETS.map((b) => r[b.key] / 100),
			r.total / 100
		])
	};
}
