import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analyses } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';

export type CloseAnalysisResult = { ok: true } | { ok: false; error: 'not_found' | 'closed' };

/**
 * Closes an analysis: from now on its answers are read only. Under the analysis row's lock,
 * which every save of answers takes too, so no answer lands after the close.
 */
export async function closeAnalysis(
	db: Db,
	actor: Actor,
	analysisId: string,
	now: Date = new Date()
): Promise<CloseAnalysisResult> {
	return db.transaction(async (tx): Promise<CloseAnalysisResult> => {
		const [row] = await tx.select().from(analyses).where(eq(analyses.id, analysisId)).for('update');
		if (!row) return { ok: false, error: 'not_found' };
		if (row.state === 'closed') return { ok: false, error: 'closed' };
		await tx
			.update(analyses)
			.set({ state: 'closed', closedAt: now, closedBy: actor.userId })
			.where(eq(analyses.id, analysisId));
		await recordAudit(tx, actor, {
			action: 'analysis.close',
			entityType: 'analysis',
			entityId: analysisId,
			before: { state: 'open' },
			after: { state: 'closed' }
		});
		return { ok: true };
	});
}
