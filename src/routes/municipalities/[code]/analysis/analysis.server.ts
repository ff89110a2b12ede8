import type { RequestEvent } from '@sveltejs/kit';
import {
	forbidden,
	municipalityAccess,
	notFound,
	requireMunicipality,
	requireUser
} from '$lib/server/auth/guard';
import { hasRole } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { findMunicipalityAnalysis } from '$lib/server/analysis/analysis-queries';
import { analysisViewer } from '$lib/server/analysis/analysis-viewer';

type Event = RequestEvent<{ code: string; analysisId: string }>;

/**
 * A municipality's analysis for whoever may see it (analysis-viewer.ts). Another
 * municipality's people are refused before anything is looked up, so nothing tells them what
 * exists; an analysis is looked up with the code of its address, so another municipality's id
 * is simply not found.
 */
export async function viewAnalysis(event: Event, need: 'read' | 'manage') {
	const user = requireUser(event);
	if (!/^\d{3}$/.test(event.params.code)) notFound(event);
	const expertOnly =
		need === 'read' && !municipalityAccess(user, event.params.code) && hasRole(user, 'expert');
	if (!expertOnly) requireMunicipality(event, event.params.code, need);
	const analysis = await findMunicipalityAnalysis(db(), event.params.code, event.params.analysisId);
	if (!analysis) notFound(event);
	const viewer = await analysisViewer(db(), user, analysis);
	if (!viewer || (need === 'manage' && !viewer.manage)) {
		if (hasRole(user, 'coordinator') && !viewer) notFound(event);
		forbidden(event);
	}
	return { user, analysis, viewer };
}
