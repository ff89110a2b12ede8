import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisSections, seasonFocusAreas } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import type { SectionForm } from '$lib/schemas/analysis';
import { draftForEdit, keepOrDiscard, newKey, nextPosition } from './draft-version';

export type EditResult =
	| {
			ok: true;
			key: string;
			/** What the edit did to the versions (questionnaire.ts `versionChange`). */
			change: 'edit_draft' | 'new_version' | 'unchanged';
			versionNumber: number;
	  }
	| { ok: false; error: 'not_found' | 'bad_focus_area' };

/**
 * Adds a section (`sectionKey` null) or changes one, on the questionnaire's draft: a published
 * version is copied into a new draft first (draft-version.ts), so its respondents' answers keep
 * the version they were given on.
 */
export async function saveAnalysisSection(
	db: Db,
	actor: Actor,
	input: { seasonId: string; sectionKey: string | null } & SectionForm
): Promise<EditResult> {
	return db.transaction(async (tx): Promise<EditResult> => {
		if (input.focusAreaId) {
			const [area] = await tx
				.select({ id: seasonFocusAreas.id })
				.from(seasonFocusAreas)
				.where(
					and(
						eq(seasonFocusAreas.id, input.focusAreaId),
						eq(seasonFocusAreas.seasonId, input.seasonId)
					)
				);
			if (!area) return { ok: false, error: 'bad_focus_area' };
		}
		const { draft, copiedFrom } = await draftForEdit(tx, input.seasonId);
		const fields = {
			titleFi: input.titleFi,
			titleSv: input.titleSv,
			titleEn: input.titleEn,
			descriptionFi: input.descriptionFi,
			descriptionSv: input.descriptionSv,
			descriptionEn: input.descriptionEn,
			weight: input.weight,
			focusAreaId: input.focusAreaId
		};
		const sections = draft.questionnaire.sections;
		let key: string;
		if (input.sectionKey === null) {
			key = newKey('s');
			await tx.insert(analysisSections).values({
				versionId: draft.version.id,
				key,
				position: nextPosition(sections.map((s) => s.position)),
				...fields
			});
		} else {
			const section = sections.find((s) => s.key === input.sectionKey);
			if (!section) return { ok: false, error: 'not_found' };
			key = section.key;
			await tx.update(analysisSections).set(fields).where(eq(analysisSections.id, section.id));
		}
		const change = await keepOrDiscard(tx, draft.version.id, copiedFrom);
		if (change !== 'unchanged') {
			await recordAudit(tx, actor, {
				action: input.sectionKey === null ? 'analysis.section.add' : 'analysis.section.edit',
				entityType: 'analysis_version',
				entityId: draft.version.id,
				after: { key, ...fields }
			});
		}
		return {
			ok: true,
			key,
			change,
			versionNumber: change === 'unchanged' ? copiedFrom!.version.number : draft.version.number
		};
	});
}
