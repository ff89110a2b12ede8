import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { latestPublishedVersion, loadVersion } from '$lib/server/analysis/questionnaire-rows';
import { exportMemberScores } from '$lib/server/analysis/export-member-scores';
import { coordinatorsSeason } from '../../../../events/season-events.server';
import type { RequestHandler } from './$types';

/** The members' scores of the season's newest published version, as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = exportFormatOf(event);
	const published = await latestPublishedVersion(db(), season.id);
	if (!published) notFound(event);
	const version = (await loadVersion(db(), published.id))!;
	const table = await exportMemberScores(
		db(),
		{ seasonId: season.id, title: `${season.network.shortName} ${season.number}`, version },
		event.locals.locale
	);
	return exportTable(table, format, `tilanneanalyysi-${season.network.slug}-${season.number}`);
};
