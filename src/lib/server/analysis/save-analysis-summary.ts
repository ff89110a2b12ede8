import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisSummaries } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';

/**
 * Writes the expert's summary of an analysis (ADR 027): saved over the previous one, with the
 * before and after in the audit log. Blank text removes it. Who may write is the route's
 * (analysis-viewer.ts `summary`).
 */
export async function saveAnalysisSummary(
	db: Db,
	actor: Actor,
	input: { analysisId: string; text: string },
	now: Date = new Date()
): Promise<{ ok: true; change: 'saved' | 'removed' | 'unchanged' }> {
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select({ text: analysisSummaries.text })
			.from(analysisSummaries)
			.where(eq(analysisSummaries.analysisId, input.analysisId))
			.for('update');
		const text = input.text.trim();
		if ((before?.text ?? '') === text) return { ok: true, change: 'unchanged' } as const;
		if (text === '') {
			await tx.delete(analysisSummaries).where(eq(analysisSummaries.analysisId, input.analysisId));
		} else {
			await tx
				.insert(analysisSummaries)
				.values({ analysisId: input.analysisId, text, updatedBy: actor.userId, updatedAt: now })
				.onConflictDoUpdate({
					target: analysisSummaries.analysisId,
					set: { text, updatedBy: actor.userId, updatedAt: now }
				});
		}
		await recordAudit(tx, actor, {
			action: 'analysis.summary',
			entityType: 'analysis',
			entityId: input.analysisId,
			before: before ? { summary: before.text } : null,
			after: text === '' ? null : { summary: text }
		});
		return { ok: true, change: text === '' ? 'removed' : 'saved' } as const;
	});
}
