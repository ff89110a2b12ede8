import { fail } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { requireMunicipality } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { files } from '$lib/server/db/schema';
import { readFormData } from '$lib/server/http/parse';
import { importPeople, previewPeopleImport } from '$lib/server/people/import-people';
import { storeFile } from '$lib/server/files/store-file';
import { failedPlan, PEOPLE_IMPORT_LIMITS, type PeopleImportPlan } from '$lib/domain/people-import';
import type { Actions, PageServerLoad } from './$types';
import { isUuid } from '$lib/domain/uuid';

export const load: PageServerLoad = (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	return { code: event.params.code };
};

/** What the page shows of a plan: rows with problems first, at most 200 of the others. */
function view(plan: PeopleImportPlan) {
	const bad = plan.rows.filter((r) => r.errors.length > 0);
	const good = plan.rows.filter((r) => r.errors.length === 0).slice(0, 200);
	return {
		summary: plan.summary,
		fileErrors: plan.fileErrors,
		ignoredColumns: plan.ignoredColumns,
		rows: [...bad, ...good].map((r) => ({
			line: r.line,
			values: r.values,
			errors: r.errors,
			action: r.action
		})),
		shownAll: bad.length + good.length === plan.rows.length,
		importable:
			plan.fileErrors.length === 0 &&
			plan.summary.invalid === 0 &&
			plan.summary.create + plan.summary.update > 0
	};
}

export const actions: Actions = {
	preview: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		const form = await readFormData(event.request);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { missingFile: true });
		if (file.size > PEOPLE_IMPORT_LIMITS.maxBytes) {
			return fail(400, {
				preview: view(
					failedPlan({
						code: 'file_too_large',
						params: { maxMegabytes: PEOPLE_IMPORT_LIMITS.maxBytes / 1024 / 1024 }
					})
				)
			});
		}
		const upload = {
			name: file.name,
			type: file.type,
			bytes: new Uint8Array(await file.arrayBuffer())
		};
		const plan = await previewPeopleImport(db(), event.params.code, upload, event.locals.locale);
		const shown = view(plan);
		if (!shown.importable) return fail(400, { preview: shown });
		// keep the file for the confirmation step: app servers hold no state of their own
		const fileId = await storeFile(db(), {
			name: upload.name,
			contentType: 'application/octet-stream',
			bytes: upload.bytes,
			uploadedBy: user.id
		});
		return { preview: shown, fileId };
	},

	confirm: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		const form = await readFormData(event.request);
		const fileId = String(form.get('fileId') ?? '');
		if (!isUuid(fileId)) return fail(400, { missingFile: true });
		// only the person who uploaded it can import it
		const [stored] = await db()
			.select()
			.from(files)
			.where(and(eq(files.id, fileId), eq(files.uploadedBy, user.id)))
			.limit(1);
		if (!stored) return fail(400, { missingFile: true });
		const result = await importPeople(
			db(),
			userActor(user),
			event.params.code,
			{ name: stored.name, type: '', bytes: new Uint8Array(stored.data) },
			event.locals.locale
		);
		await db().delete(files).where(eq(files.id, fileId));
		if (!result.ok) return fail(400, { preview: view(result.plan) });
		return { done: { created: result.created, updated: result.updated } };
	}
};
