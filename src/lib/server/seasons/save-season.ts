import { and, eq, gt } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { seasonFocusAreas, seasons } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { storeFile } from '../files/store-file';
import { focusAreasOf, type SeasonForm } from '$lib/schemas/season';
import { isUniqueViolation } from '../db/errors';

export type SaveSeasonResult =
	{ ok: true; id: string } | { ok: false; error: 'number_taken' | 'not_found' };

/** Creates a season, or updates one when an id is given; focus areas are kept line by line. */
export async function saveSeason(
	db: Db,
	actor: Actor,
	form: SeasonForm,
	options: { id?: string; presentation?: { name: string; bytes: Uint8Array } | null }
): Promise<SaveSeasonResult> {
	const { networkId, number, startsOn, endsOn, leadThemeFi, leadThemeSv, leadThemeEn } = form;
	const values = {
		networkId,
		number,
		startsOn,
		endsOn,
		leadThemeFi,
		leadThemeSv,
		leadThemeEn,
		descriptionFi: form.descriptionFi,
		descriptionSv: form.descriptionSv,
		descriptionEn: form.descriptionEn,
		seminars: form.seminars,
		workSeminars: form.workSeminars,
		contactPersonMeetings: form.contactPersonMeetings,
		currentAffairsReviews: form.currentAffairsReviews,
		peerDiscussions: form.peerDiscussions,
		developmentEvents: form.developmentEvents,
		workshopsPerMunicipality: form.workshopsPerMunicipality,
		situationAnalysesPerMunicipality: form.situationAnalysesPerMunicipality,
		lateCancellationDays: form.lateCancellationDays
	};
	try {
		return await db.transaction(async (tx) => {
			const presentationFileId = options.presentation
				? await storeFile(tx, {
						name: options.presentation.name,
						contentType: 'application/pdf',
						bytes: options.presentation.bytes,
						uploadedBy: actor.userId
					})
				: undefined;
			const withFile = presentationFileId ? { ...values, presentationFileId } : values;
			let id: string;
			if (options.id) {
				const [before] = await tx
					.select()
					.from(seasons)
					.where(eq(seasons.id, options.id))
					.for('update');
				if (!before) return { ok: false as const, error: 'not_found' as const };
				await tx.update(seasons).set(withFile).where(eq(seasons.id, options.id));
				const diff = changedFields(before as Record<string, unknown>, withFile);
				await recordAudit(tx, actor, {
					action: 'season.update',
					entityType: 'season',
					entityId: options.id,
					before: diff?.before ?? {},
					after: { ...(diff?.after ?? {}), focusAreas: focusAreasOf(form).map((f) => f.textFi) }
				});
				id = options.id;
			} else {
				const [row] = await tx.insert(seasons).values(withFile).returning({ id: seasons.id });
				id = row!.id;
				await recordAudit(tx, actor, {
					action: 'season.create',
					entityType: 'season',
					entityId: id,
					after: { ...withFile, focusAreas: focusAreasOf(form).map((f) => f.textFi) }
				});
			}
			await saveFocusAreas(tx, id, focusAreasOf(form));
			return { ok: true as const, id };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, error: 'number_taken' };
		throw e;
	}
}

/**
 * The season's focus areas in place, line by line: the area on a line keeps its id when its
 * text is edited, so the events and workshops linked to it stay linked; lines added are new
 * areas, and only an area whose line was removed goes (with its links).
 */
async function saveFocusAreas(
	tx: Tx,
	seasonId: string,
	areas: ReturnType<typeof focusAreasOf>
): Promise<void> {
	const existing = await tx
		.select({ id: seasonFocusAreas.id, position: seasonFocusAreas.position })
		.from(seasonFocusAreas)
		.where(eq(seasonFocusAreas.seasonId, seasonId));
	const byPosition = new Map(existing.map((a) => [a.position, a.id]));
	for (const [i, area] of areas.entries()) {
		const id = byPosition.get(i + 1);
		if (id) await tx.update(seasonFocusAreas).set(area).where(eq(seasonFocusAreas.id, id));
		else await tx.insert(seasonFocusAreas).values({ ...area, seasonId, position: i + 1 });
	}
	await tx
		.delete(seasonFocusAreas)
		.where(
			and(eq(seasonFocusAreas.seasonId, seasonId), gt(seasonFocusAreas.position, areas.length))
		);
}
