import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../db';
import {
	analysisOptions,
	analysisQuestionnaires,
	analysisQuestions,
	analysisSections,
	analysisVersions
} from '../db/schema';
import { loadVersion, type LoadedVersion } from './questionnaire-rows';
import { versionChange } from '$lib/domain/analysis/questionnaire';

/**
 * The draft an edit of a season's questionnaire goes to (ADR 024). Under the questionnaire
 * row's lock, so two coordinators editing at once make one draft, not two: the draft if there
 * is one; otherwise a copy of the newest published version as the next number (a published
 * version is never written again); otherwise, for a season without a questionnaire, version 1.
 * `copiedFrom` is the published version a fresh copy was made of, for `keepOrDiscard`.
 */
export async function draftForEdit(
	tx: Tx,
	seasonId: string
): Promise<{ draft: LoadedVersion; copiedFrom: LoadedVersion | null }> {
	await tx
		.insert(analysisQuestionnaires)
		.values({ seasonId })
		.onConflictDoNothing({ target: analysisQuestionnaires.seasonId });
	const [questionnaire] = await tx
		.select()
		.from(analysisQuestionnaires)
		.where(eq(analysisQuestionnaires.seasonId, seasonId))
		.for('update');
	const [latest] = await tx
		.select()
		.from(analysisVersions)
		.where(eq(analysisVersions.questionnaireId, questionnaire!.id))
		.orderBy(desc(analysisVersions.number))
		.limit(1);
	if (latest?.status === 'draft') {
		return { draft: (await loadVersion(tx, latest.id))!, copiedFrom: null };
	}
	const [created] = await tx
		.insert(analysisVersions)
		.values({ questionnaireId: questionnaire!.id, number: (latest?.number ?? 0) + 1 })
		.returning();
	if (!latest) {
		return { draft: { version: created!, questionnaire: { sections: [] } }, copiedFrom: null };
	}
	const published = (await loadVersion(tx, latest.id))!;
	await copyContent(tx, published, created!.id);
	return { draft: (await loadVersion(tx, created!.id))!, copiedFrom: published };
}

/**
 * Copies a version's sections, questions and options, keys included, into another version.
 * `focusArea` maps a section's focus area (another season's, when a questionnaire is carried
 * into the next season); by default it is kept.
 */
export async function copyContent(
	tx: Tx,
	from: LoadedVersion,
	versionId: string,
	focusArea: (id: string | null) => string | null = (id) => id
) {
	const sections = from.questionnaire.sections;
	if (sections.length === 0) return;
	const rows = await tx
		.select()
		.from(analysisSections)
		.where(eq(analysisSections.versionId, from.version.id));
	const newSections = await tx
		.insert(analysisSections)
		.values(
			rows.map(({ id: _id, scoringFingerprint: _f, ...s }) => ({
				...s,
				versionId,
				focusAreaId: focusArea(s.focusAreaId)
			}))
		)
		.returning({ id: analysisSections.id, key: analysisSections.key });
	const sectionId = new Map(rows.map((r) => [r.id, newSections.find((n) => n.key === r.key)!.id]));
	const questions = await tx
		.select()
		.from(analysisQuestions)
		.where(eq(analysisQuestions.versionId, from.version.id));
	if (questions.length === 0) return;
	const newQuestions = await tx
		.insert(analysisQuestions)
		.values(
			questions.map(({ id: _id, ...q }) => ({
				...q,
				versionId,
				sectionId: sectionId.get(q.sectionId)!
			}))
		)
		.returning({ id: analysisQuestions.id, key: analysisQuestions.key });
	const questionId = new Map(
		questions.map((q) => [q.id, newQuestions.find((n) => n.key === q.key)!.id])
	);
	const options = await tx
		.select()
		.from(analysisOptions)
		.innerJoin(analysisQuestions, eq(analysisQuestions.id, analysisOptions.questionId))
		.where(eq(analysisQuestions.versionId, from.version.id));
	if (options.length === 0) return;
	await tx.insert(analysisOptions).values(
		options.map(({ analysis_options: { id: _id, ...o } }) => ({
			...o,
			questionId: questionId.get(o.questionId)!
		}))
	);
}

/**
 * After an edit on a fresh copy: if the draft says exactly what the published version says
 * (versionChange 'unchanged'), the copy is dropped, so an edit that changes nothing makes no
 * version. Returns what the edit did.
 */
export async function keepOrDiscard(
	tx: Tx,
	draftId: string,
	copiedFrom: LoadedVersion | null
): Promise<'edit_draft' | 'new_version' | 'unchanged'> {
	if (!copiedFrom) return 'edit_draft';
	const edited = (await loadVersion(tx, draftId))!;
	const change = versionChange('published', copiedFrom.questionnaire, edited.questionnaire);
	if (change === 'unchanged') {
		await tx.delete(analysisVersions).where(eq(analysisVersions.id, draftId));
	}
	return change;
}

/** The next free position in a list ordered by `position`. */
export function nextPosition(positions: readonly number[]): number {
	return positions.length === 0 ? 1 : Math.max(...positions) + 1;
}

/** A new key for a section or question: stable from now on, across versions. */
export function newKey(prefix: 's' | 'q'): string {
	const bytes = new Uint8Array(5);
	crypto.getRandomValues(bytes);
	return `${prefix}_${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
