import type { Db } from '../db';
import type { ExportTable } from '../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import { listSeasonLedgers } from './workshop-queries';

/** A bound on the rows read: a season has at most every municipality as a member. */
const MAX_ROWS = 1000;

/** The season's active members with their workshop ledgers: entitlement, each bucket, extras. */
export async function exportSeasonWorkshops(
	db: Db,
	season: {
		id: string;
		number: number;
		networkShortName: string;
		workshopsPerMunicipality: number;
	},
	locale: Locale,
	now: Date = new Date()
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const { rows } = await listSeasonLedgers(db, season, 1, now, MAX_ROWS);
	return {
		title: `${season.networkShortName} ${season.number}`,
		columns: [
			{ header: t('registry.code'), width: 8 },
			{ header: t('workshops.municipality'), width: 24 },
			{ header: t('workshops.column.entitlement'), numeric: true },
			{ header: t('workshops.column.held'), numeric: true },
			{ header: t('workshops.column.awaitingRecord'), numeric: true },
			{ header: t('workshops.column.lateCancelled'), numeric: true },
			{ header: t('workshops.column.scheduled'), numeric: true },
			{ header: t('workshops.column.proposed'), numeric: true },
			{ header: t('workshops.column.used'), numeric: true },
			{ header: t('workshops.column.planned'), numeric: true },
			{ header: t('workshops.column.left'), numeric: true },
			{ header: t('workshops.column.extra'), numeric: true },
			{ header: t('workshops.column.extraBillable'), numeric: true }
		],
		rows: rows.map(({ code, nameFi, nameSv, ledger }) => {
			const extras =
				ledger.extra.held +
				ledger.extra.awaitingRecord +
				ledger.extra.lateCancelled +
				ledger.extra.scheduled +
				ledger.extra.proposed;
			return [
				code,
				locale === 'sv' && nameSv ? nameSv : nameFi,
				ledger.entitlement,
				ledger.counts.held,
				ledger.counts.awaitingRecord,
				ledger.counts.lateCancelled,
				ledger.counts.scheduled,
				ledger.counts.proposed,
				ledger.used,
				ledger.planned,
				ledger.left,
				extras,
				ledger.extraBillable
			];
		})
	};
}
