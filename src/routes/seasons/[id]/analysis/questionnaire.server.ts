import type { RequestEvent } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import {
	listVersions,
	loadVersion,
	seasonQuestionnaire
} from '$lib/server/analysis/questionnaire-rows';
import type { EditResult } from '$lib/server/analysis/save-analysis-section';
import type { FieldErrors } from '$lib/schemas/errors';
import { coordinatorsSeason } from '../events/season-events.server';

/**
 * The season's questionnaire as its coordinator edits it: every version, newest first, and the
 * one an edit goes to (the draft, else the newest published, which an edit copies).
 */
export async function questionnaireOfSeason(event: RequestEvent<{ id: string }>) {
	const { user, season } = await coordinatorsSeason(event);
	const questionnaire = await seasonQuestionnaire(db(), season.id);
	const versions = questionnaire ? await listVersions(db(), questionnaire.id) : [];
	const current = versions[0] ? await loadVersion(db(), versions[0].id) : null;
	return { user, season, versions, current };
}

/** A refused edit as the form shows it. */
export function editErrors(result: Extract<EditResult, { ok: false }>): FieldErrors {
	return result.error === 'bad_focus_area'
		? { focusAreaId: { key: 'error.invalidChoice' } }
		: { _form: { key: 'analysis.notFound' } };
}
