import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	analysisOptions,
	analysisQuestionnaires,
	analysisQuestions,
	analysisSections,
	analysisVersions
} from '../db/schema';
import type { LocalisedText, Question, Section } from '$lib/domain/analysis/questionnaire';

/**
 * A questionnaire version read from its rows into the domain's shape (questionnaire.ts), with
 * the row ids beside the keys, so use cases can check with the domain and write by id.
 */

export type VersionRow = typeof analysisVersions.$inferSelect;
type SectionRow = typeof analysisSections.$inferSelect;
type QuestionRow = typeof analysisQuestions.$inferSelect;
type OptionRow = typeof analysisOptions.$inferSelect;

export interface LoadedSection extends Section {
	id: string;
	position: number;
	focusAreaId: string | null;
	questions: (Question & { id: string; position: number })[];
}

export interface LoadedVersion {
	version: VersionRow;
	/** A Questionnaire (questionnaire.ts), with row ids. */
	questionnaire: { sections: LoadedSection[] };
}

const text = (fi: string, sv: string | null, en: string | null): LocalisedText => ({ fi, sv, en });
const optionalText = (fi: string | null, sv: string | null, en: string | null) =>
	fi === null || fi.trim() === '' ? null : text(fi, sv, en);

export function toQuestion(
	q: QuestionRow,
	options: OptionRow[]
): Question & { id: string; position: number } {
	const base = {
		id: q.id,
		position: q.position,
		key: q.key,
		text: text(q.textFi, q.textSv, q.textEn),
		help: optionalText(q.helpFi, q.helpSv, q.helpEn),
		required: q.required
	};
	const opts = options.map((o) => ({ key: o.key, text: text(o.textFi, o.textSv, o.textEn) }));
	switch (q.kind) {
		case 'scale':
			return { ...base, kind: 'scale', weight: q.weight };
		case 'single_choice':
			return {
				...base,
				kind: 'single_choice',
				weight: q.weight,
				options: options.map((o, i) => ({ ...opts[i]!, score: o.score }))
			};
		case 'multiple_choice':
			return { ...base, kind: 'multiple_choice', options: opts, maxChoices: q.maxChoices };
		case 'number':
			return { ...base, kind: 'number', min: q.minValue, max: q.maxValue, integer: q.integerOnly };
		case 'free_text':
			return { ...base, kind: 'free_text', maxLength: q.maxLength ?? 1000 };
	}
}

function toSection(
	s: SectionRow,
	questions: QuestionRow[],
	options: Map<string, OptionRow[]>
): LoadedSection {
	return {
		id: s.id,
		position: s.position,
		key: s.key,
		focusAreaId: s.focusAreaId,
		title: text(s.titleFi, s.titleSv, s.titleEn),
		description: optionalText(s.descriptionFi, s.descriptionSv, s.descriptionEn),
		weight: s.weight,
		questions: questions.map((q) => toQuestion(q, options.get(q.id) ?? []))
	};
}

/** A version with its sections, questions and options: four indexed reads, whatever its size. */
export async function loadVersion(db: DbOrTx, versionId: string): Promise<LoadedVersion | null> {
	const [version] = await db
		.select()
		.from(analysisVersions)
		.where(eq(analysisVersions.id, versionId));
	if (!version) return null;
	const [sections, questions] = await Promise.all([
		db
			.select()
			.from(analysisSections)
			.where(eq(analysisSections.versionId, versionId))
			.orderBy(asc(analysisSections.position)),
		db
			.select()
			.from(analysisQuestions)
			.where(eq(analysisQuestions.versionId, versionId))
			.orderBy(asc(analysisQuestions.position))
	]);
	const options =
		questions.length === 0
			? []
			: await db
					.select()
					.from(analysisOptions)
					.where(
						inArray(
							analysisOptions.questionId,
							questions.map((q) => q.id)
						)
					)
					.orderBy(asc(analysisOptions.position));
	const optionsBy = new Map<string, OptionRow[]>();
	for (const o of options) optionsBy.set(o.questionId, [...(optionsBy.get(o.questionId) ?? []), o]);
	return {
		version,
		questionnaire: {
			sections: sections.map((s) =>
				toSection(
					s,
					questions.filter((q) => q.sectionId === s.id),
					optionsBy
				)
			)
		}
	};
}

/** The season's questionnaire row, or null before the coordinator has begun one. */
export async function seasonQuestionnaire(db: DbOrTx, seasonId: string) {
	const [row] = await db
		.select()
		.from(analysisQuestionnaires)
		.where(eq(analysisQuestionnaires.seasonId, seasonId));
	return row ?? null;
}

/** Every version of a questionnaire, newest first (a season has a handful). */
export async function listVersions(db: DbOrTx, questionnaireId: string) {
	return db
		.select()
		.from(analysisVersions)
		.where(eq(analysisVersions.questionnaireId, questionnaireId))
		.orderBy(desc(analysisVersions.number))
		.limit(100);
}

/** The newest published version of a season's questionnaire: what a new analysis is given on. */
export async function latestPublishedVersion(db: DbOrTx, seasonId: string) {
	const [row] = await db
		.select({ version: analysisVersions })
		.from(analysisVersions)
		.innerJoin(
			analysisQuestionnaires,
			eq(analysisQuestionnaires.id, analysisVersions.questionnaireId)
		)
		.where(
			and(eq(analysisQuestionnaires.seasonId, seasonId), eq(analysisVersions.status, 'published'))
		)
		.orderBy(desc(analysisVersions.number))
		.limit(1);
	return row?.version ?? null;
}
