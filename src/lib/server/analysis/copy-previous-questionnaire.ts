import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisQuestionnaires, analysisVersions, seasonFocusAreas, seasons } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { copyContent, draftForEdit } from './draft-version';
import { latestPublishedVersion, loadVersion } from './questionnaire-rows';
import { isUuid } from '$lib/domain/uuid';

export type CopyPreviousResult =
	| { ok: true; seasonNumber: number }
	| { ok: false; error: 'not_found' | 'not_empty' | 'no_previous' };

/**
 * Starts a season's questionnaire from the previous season's newest published version of the
 * same network (ADR 027): sections and questions keep their keys, so the results can show the
 * change per section from one season to the next wherever a section still scores alike (ADR
 * 019). A section's focus area becomes the new season's focus area in the same place. Only
 * into a questionnaire that has nothing yet; the copy is a draft the coordinator edits and
 * publishes as usual.
 */
export async function copyPreviousQuestionnaire(
	db: Db,
	actor: Actor,
	input: { seasonId: string; networkIds: readonly string[] | null }
): Promise<CopyPreviousResult> {
	if (!isUuid(input.seasonId)) return { ok: false, error: 'not_found' };
	return db.transaction(async (tx): Promise<CopyPreviousResult> => {
		const [season] = await tx
			.select({ id: seasons.id, networkId: seasons.networkId, startsOn: seasons.startsOn })
			.from(seasons)
			.where(eq(seasons.id, input.seasonId));
		if (!season || (input.networkIds && !input.networkIds.includes(season.networkId))) {
			return { ok: false, error: 'not_found' };
		}
		const earlier = await tx
			.select({ id: seasons.id, number: seasons.number })
			.from(seasons)
			.where(and(eq(seasons.networkId, season.networkId), lt(seasons.startsOn, season.startsOn)))
			.orderBy(desc(seasons.startsOn))
			.limit(1);
		const previous = earlier[0];
		const published = previous ? await latestPublishedVersion(tx, previous.id) : null;
		if (!previous || !published) return { ok: false, error: 'no_previous' };
		// nothing is written unless the questionnaire is empty: no version, or an empty draft 1
		const [latest] = await tx
			.select({ id: analysisVersions.id, status: analysisVersions.status })
			.from(analysisVersions)
			.innerJoin(
				analysisQuestionnaires,
				eq(analysisQuestionnaires.id, analysisVersions.questionnaireId)
			)
			.where(eq(analysisQuestionnaires.seasonId, season.id))
			.orderBy(desc(analysisVersions.number))
			.limit(1);
		if (latest && latest.status !== 'draft') return { ok: false, error: 'not_empty' };
		// under the questionnaire's lock: a second copy at the same time finds the first one's
		const { draft } = await draftForEdit(tx, season.id);
		if (draft.version.number !== 1 || draft.questionnaire.sections.length > 0) {
			return { ok: false, error: 'not_empty' };
		}
		const areas = async (seasonId: string) =>
			tx
				.select({ id: seasonFocusAreas.id, position: seasonFocusAreas.position })
				.from(seasonFocusAreas)
				.where(eq(seasonFocusAreas.seasonId, seasonId));
		const [before, now] = await Promise.all([areas(previous.id), areas(season.id)]);
		const positionOf = new Map(before.map((a) => [a.id, a.position]));
		const byPosition = new Map(now.map((a) => [a.position, a.id]));
		const source = (await loadVersion(tx, published.id))!;
		await copyContent(tx, source, draft.version.id, (id) =>
			id === null ? null : (byPosition.get(positionOf.get(id) ?? -1) ?? null)
		);
		await recordAudit(tx, actor, {
			action: 'analysis.copy_previous',
			entityType: 'analysis_version',
			entityId: draft.version.id,
			after: {
				seasonId: season.id,
				from: published.id,
				sections: source.questionnaire.sections.length
			}
		});
		return { ok: true, seasonNumber: previous.number };
	});
}
