import { error } from '@sveltejs/kit';
import {
	exportPersonalData,
	PERSONAL_DATA_FILENAME
} from '$lib/server/account/export-personal-data';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

// Any signed-in person: everything stored about them, as a JSON download.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const data = await exportPersonalData(db(), user.id);
	if (!data) error(404, 'not found');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${PERSONAL_DATA_FILENAME}"`,
			'cache-control': 'private, no-store'
		}
	});
};
