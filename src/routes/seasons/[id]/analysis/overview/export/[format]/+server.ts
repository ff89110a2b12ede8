import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { latestPublishedVersion, loadVersion } from '$lib/server/analysis/questionnaire-rows';
import { exportMemberScores } from '$lib/server/analysis/export-member-scores';
import { coordinatorsSeason } from '../../../../events/season-events.server';
import type { RequestHandler } from './$types';

/** The members' scores of the season's newest published version, as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const published = await latestPublishedVersion(db(), season.id);
	if (!published) notFound(event);
	const version = (await loadVersion(db(), published.id))!;
	const table = await exportMemberScores(
		db(),
		{ seasonId: season.id, title: `${season.network.shortName} ${season.number}`, version },
		event.locals.locale
	);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, `tilanneanalyysi-${season.network.slug}-${season.number}`);
};
