import type { Db } from '../../db';
import type { ExportTable } from '../../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import {
	approvedCostTotal,
	approvedCostsPerExpert,
	approvedCostsPerMunicipality,
	workshopsByFocusArea,
	type ApprovalPeriod
} from './report-queries';

export const WORKSHOP_REPORTS = ['focus-areas', 'municipalities', 'experts'] as const;
export type WorkshopReport = (typeof WORKSHOP_REPORTS)[number];

/** A bound on the rows read: every municipality, or every person, of a network at most. */
const MAX_ROWS = 5000;

/**
 * One of the season's workshop reports as a table, with the filters of its page (the approval
 * period for the costs) and a total row; money in cents, written as euros by the exporter.
 */
export async function exportWorkshopReport(
	db: Db,
	season: { id: string; number: number; networkShortName: string },
	report: WorkshopReport,
	period: ApprovalPeriod,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const title = `${season.networkShortName} ${season.number}`;
	const name = (m: { nameFi: string; nameSv: string | null }) =>
		locale === 'sv' && m.nameSv ? m.nameSv : m.nameFi;

	if (report === 'focus-areas') {
		const { rows, total } = await workshopsByFocusArea(db, season.id);
		const counts = (r: typeof total) => [
			r.proposed,
			r.agreed,
			r.held,
			r.cancelled,
			r.lateCancelled,
			r.extra,
			r.total
		];
		return {
			title,
			columns: [
				{ header: t('workshops.focusArea'), width: 40 },
				{ header: t('workshops.state.proposed'), numeric: true },
				{ header: t('workshops.state.agreed'), numeric: true },
				{ header: t('workshops.state.held'), numeric: true },
				{ header: t('workshops.state.cancelled'), numeric: true },
				{ header: t('workshops.column.lateCancelled'), numeric: true },
				{ header: t('workshops.column.extra'), numeric: true },
				{ header: t('workshopReports.total'), numeric: true }
			],
			rows: [
				...rows.map((r) => [
					r.area
						? locale === 'sv'
							? r.area.textSv
							: locale === 'en'
								? r.area.textEn
								: r.area.textFi
						: t('workshops.focusAreaNone'),
					...counts(r)
				]),
				[t('workshopReports.total'), ...counts(total)]
			]
		};
	}

	const money = [
		{ header: t('workshopReports.journeys'), numeric: true },
		{ header: t('travel.net'), money: true },
		{ header: t('travel.vat'), money: true },
		{ header: t('travel.amount'), money: true }
	];
	const amounts = (r: {
		journeys: number;
		netCents: number;
		vatCents: number;
		grossCents: number;
	}) => [r.journeys, r.netCents, r.vatCents, r.grossCents];
	const total = await approvedCostTotal(db, season.id, period);
	const notes = [
		t('workshopReports.periodNote', {
			from: period.from ? formatDate(locale, period.from) : '…',
			to: period.to ? formatDate(locale, period.to) : '…'
		})
	];
	if (report === 'municipalities') {
		const { rows } = await approvedCostsPerMunicipality(db, season.id, period, 1, MAX_ROWS);
		return {
			title,
			columns: [
				{ header: t('registry.code'), width: 8 },
				{ header: t('workshops.municipality'), width: 24 },
				...money
			],
			rows: [
				...rows.map((r) => [r.code, name(r), ...amounts(r)]),
				['', t('workshopReports.total'), ...amounts(total)]
			],
			notes
		};
	}
	const { rows } = await approvedCostsPerExpert(db, season.id, period, 1, MAX_ROWS);
	return {
		title,
		columns: [{ header: t('travel.expert'), width: 28 }, ...money],
		rows: [
			...rows.map((r) => [r.name, ...amounts(r)]),
			[t('workshopReports.total'), ...amounts(total)]
		],
		notes
	};
}
