import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import {
	exportWorkshopReport,
	WORKSHOP_REPORTS,
	type WorkshopReport
} from '$lib/server/workshops/reports/export-workshop-report';
import { reportQuery, staffSeason } from '../../staff-season.server';
import type { RequestHandler } from './$types';

/** One report of the page as CSV or XLSX (`?report=`), with the page's approval period. */
export const GET: RequestHandler = async (event) => {
	const { season } = await staffSeason(event);
	const format = exportFormatOf(event);
	const report = event.url.searchParams.get('report') ?? 'focus-areas';
	if (!(WORKSHOP_REPORTS as readonly string[]).includes(report)) notFound(event);
	const { period } = reportQuery(event.url.searchParams);
	const table = await exportWorkshopReport(
		db(),
		{ id: season.id, number: season.number, networkShortName: season.network.shortName },
		report as WorkshopReport,
		period,
		event.locals.locale
	);
	return exportTable(
		table,
		format,
		`tyopajaraportti-${report}-${season.network.slug}-${season.number}`
	);
};
