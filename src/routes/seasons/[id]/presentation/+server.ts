import { forbidden, notFound, requireUser } from '$lib/server/auth/guard';
import { hasRole } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { fileResponse, getFile } from '$lib/server/files/store-file';
import { canSeeSeason } from '$lib/server/seasons/season-access';
import { getSeason } from '$lib/server/seasons/season-queries';
import type { RequestHandler } from './$types';

// The season's presentation: for the network's coordinators and the people of its members.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	if (!hasRole(user, 'coordinator') && !user.roles.some((r) => r.municipalityCode)) {
		forbidden(event);
	}
	const season = await getSeason(db(), event.params.id);
	if (!season) notFound(event);
	if (!(await canSeeSeason(db(), user, season))) forbidden(event);
	const file = season.presentationFileId ? await getFile(db(), season.presentationFileId) : null;
	if (!file) notFound(event);
	return fileResponse(file);
};
