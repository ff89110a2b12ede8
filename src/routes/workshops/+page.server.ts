import { requireRole } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { listExpertAssignments } from '$lib/server/workshops/workshop-queries';
import { staffReportSeasons } from '$lib/server/workshops/reports/report-queries';
import { wholeNumber } from '$lib/schemas/fields';
import type { PageServerLoad } from './$types';

/** An expert's assignments across municipalities: those ahead, and those done (two pagers). */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'expert', 'coordinator');
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000), donePage: wholeNumber(1, 100_000) },
		{ page: 1, donePage: 1 }
	);
	const staffNetworks = user.roles.flatMap((r) =>
		(r.role === 'expert' || r.role === 'coordinator') && r.networkId ? [r.networkId] : []
	);
	const [ahead, done, reportSeasons] = await Promise.all([
		listExpertAssignments(db(), user.id, { done: false, page: values.page }),
		listExpertAssignments(db(), user.id, { done: true, page: values.donePage }),
		staffReportSeasons(db(), [...new Set(staffNetworks)])
	]);
	return { ahead, done, reportSeasons };
};
