import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { workshopExperts, workshops } from '../db/schema';
import { coordinatedNetworks, hasRole, type SessionUser } from '../auth/session';
import { municipalityAccess } from '../auth/guard';
import type { MunicipalityAnalysis } from './analysis-queries';

/**
 * What a person may see of a municipality's analysis (ADR 024). Its results are the
 * municipality's: its contact person and the coordinators of the season's network manage it;
 * its participants read the scores; an expert reads them (free text included) once assigned
 * to one of the membership's workshops, the work the analysis aims. Nobody else sees anything,
 * and no respondent's answers are ever shown by name. The expert's summary and recommendations
 * (ADR 027) are written by that assigned expert or by the network's coordinator, and read by
 * everyone who sees the results.
 */
export interface AnalysisViewer {
	manage: boolean;
	/** Free-text answers: the municipality's contact person, the network's staff, the expert. */
	freeText: boolean;
	/** Writes the summary and recommendations: the network's coordinator, the assigned expert. */
	summary: boolean;
}

export async function analysisViewer(
	db: DbOrTx,
	user: SessionUser,
	analysis: MunicipalityAnalysis
): Promise<AnalysisViewer | null> {
	if (hasRole(user, 'coordinator')) {
		return coordinatedNetworks(user).includes(analysis.season.networkId)
			? { manage: true, freeText: true, summary: true }
			: null;
	}
	const access = municipalityAccess(user, analysis.municipality.code);
	if (access === 'manage') return { manage: true, freeText: true, summary: false };
	if (access === 'read') return { manage: false, freeText: false, summary: false };
	if (!hasRole(user, 'expert')) return null;
	const [assigned] = await db
		.select({ id: workshops.id })
		.from(workshops)
		.innerJoin(workshopExperts, eq(workshopExperts.workshopId, workshops.id))
		.where(
			and(eq(workshops.membershipId, analysis.membership.id), eq(workshopExperts.userId, user.id))
		)
		.limit(1);
	return assigned ? { manage: false, freeText: true, summary: true } : null;
}
