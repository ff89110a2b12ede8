import type { Db } from '../../db';
import type { ExportTable } from '../../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import { listPaymentsForExport, type PaymentFilter } from './payment-queries';

/** The filtered payments as a table: one row per payment, amounts in euros. */
export async function exportPayments(
	db: Db,
	filter: PaymentFilter,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const rows = await listPaymentsForExport(db, filter);
	return {
		title: t('payments.title'),
		columns: [
			{ header: t('payments.column.bookingDate'), width: 12 },
			{ header: t('payments.column.payer'), width: 28 },
			{ header: t('payments.column.reference'), width: 24 },
			{ header: t('payments.column.entryReference'), width: 22 },
			{ header: t('payments.column.match'), width: 16 },
			{ header: t('payments.column.amount'), numeric: true },
			{ header: t('payments.column.allocated'), numeric: true },
			{ header: t('payments.column.left'), numeric: true }
		],
		rows: rows.map((r) => [
			r.bookingDate,
			r.payerName ?? '',
			r.referenceText ?? '',
			r.entryReference,
			t(`payments.match.${r.match}`),
			r.amountCents / 100,
			r.allocatedCents / 100,
			(r.amountCents - r.allocatedCents) / 100
		])
	};
}
