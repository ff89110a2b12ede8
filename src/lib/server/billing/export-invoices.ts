import type { Db } from '../db';
import type { ExportTable } from '../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import { listInvoicesForExport, MAX_EXPORT_ROWS, type InvoiceFilter } from './invoice-queries';

/**
 * The filtered invoices as a table, in the order of their page: one row per invoice, amounts in
 * euros; beyond MAX_EXPORT_ROWS the file says so under the table.
 */
export async function exportInvoices(
	db: Db,
	filter: InvoiceFilter,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const { rows, more } = await listInvoicesForExport(db, filter);
	return {
		title: t('billing.invoices'),
		columns: [
			{ header: t('billing.column.number'), width: 14 },
			{ header: t('billing.column.document'), width: 14 },
			{ header: t('registry.code'), width: 8 },
			{ header: t('billing.column.municipality'), width: 24 },
			{ header: t('billing.column.kind'), width: 16 },
			{ header: t('billing.field.season'), numeric: true },
			{ header: t('billing.field.year'), numeric: true },
			{ header: t('billing.field.invoiceDate'), width: 12 },
			{ header: t('billing.column.dueDate'), width: 12 },
			{ header: t('billing.column.reference'), width: 14 },
			{ header: t('billing.column.net'), numeric: true },
			{ header: t('billing.column.vat'), numeric: true },
			{ header: t('billing.column.gross'), numeric: true },
			{ header: t('billing.column.paid'), numeric: true },
			{ header: t('billing.column.state'), width: 16 }
		],
		rows: rows.map((r) => [
			r.number,
			t(`billing.document.${r.document}`),
			r.municipalityCode,
			locale === 'sv' && r.nameSv ? r.nameSv : r.nameFi,
			t(`billing.kind.${r.kind}`),
			r.seasonNumber,
			r.year,
			r.issueDate,
			r.dueDate,
			r.reference,
			r.netCents / 100,
			r.vatCents / 100,
			r.grossCents / 100,
			r.paidCents / 100,
			t(`billing.state.${r.state}`)
		]),
		notes: more ? [t('billing.exportTruncated', { max: MAX_EXPORT_ROWS })] : []
	};
}
