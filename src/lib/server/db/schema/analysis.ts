import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	doublePrecision,
	foreignKey,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { memberships } from './memberships';
import { seasonFocusAreas, seasons } from './seasons';
import type { AnswerValue } from '../../../domain/analysis/answers';

/**
 * The situation analysis (issue 9; ADR 019 for the rules, ADR 024 for this storage). A season
 * has one questionnaire; its content lives in numbered versions. A draft version is edited in
 * place; a published one is frozen, and an edit makes the next draft. Answers name their
 * version twice over (response and question), and composite foreign keys make both the same,
 * so an answer to another version's question cannot be stored.
 */

export const analysisVersionStatusEnum = pgEnum('analysis_version_status', ['draft', 'published']);
export const analysisQuestionKindEnum = pgEnum('analysis_question_kind', [
	'scale',
	'single_choice',
	'multiple_choice',
	'number',
	'free_text'
]);
export const analysisStateEnum = pgEnum('analysis_state', ['open', 'closed']);

/** A season's questionnaire: one per season, the versions hold its content. */
export const analysisQuestionnaires = pgTable('analysis_questionnaires', {
	id: uuid('id').primaryKey().defaultRandom(),
	seasonId: uuid('season_id')
		.notNull()
		.unique('analysis_questionnaires_season')
		.references(() => seasons.id, { onDelete: 'restrict' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const analysisVersions = pgTable(
	'analysis_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		questionnaireId: uuid('questionnaire_id')
			.notNull()
			.references(() => analysisQuestionnaires.id, { onDelete: 'restrict' }),
		/** 1, 2, …: results say which version they come from. */
		number: smallint('number').notNull(),
		status: analysisVersionStatusEnum('status').notNull().default('draft'),
		/** versionFingerprint of the content, fixed when published. */
		fingerprint: text('fingerprint'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('analysis_versions_number').on(t.questionnaireId, t.number),
		// at most one draft per questionnaire: the one being edited
		uniqueIndex('analysis_versions_one_draft')
			.on(t.questionnaireId)
			.where(sql`${t.status} = 'draft'`),
		check('analysis_versions_number_positive', sql`${t.number} > 0`),
		check(
			'analysis_versions_published',
			sql`(${t.status} = 'published') = (${t.publishedAt} is not null and ${t.fingerprint} is not null)`
		),
		// published_by's set null on erasure
		index('analysis_versions_published_by').on(t.publishedBy)
	]
);

export const analysisSections = pgTable(
	'analysis_sections',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		versionId: uuid('version_id')
			.notNull()
			.references(() => analysisVersions.id, { onDelete: 'cascade' }),
		/** Stable across versions: results and season comparisons match sections by it. */
		key: text('key').notNull(),
		position: smallint('position').notNull(),
		/** The season's focus area the section is about; set null if the area goes. */
		focusAreaId: uuid('focus_area_id').references(() => seasonFocusAreas.id, {
			onDelete: 'set null'
		}),
		titleFi: text('title_fi').notNull(),
		titleSv: text('title_sv'),
		titleEn: text('title_en'),
		descriptionFi: text('description_fi'),
		descriptionSv: text('description_sv'),
		descriptionEn: text('description_en'),
		weight: smallint('weight').notNull().default(1),
		/** sectionScoringFingerprint, fixed when published: respondents of versions that score alike are compared. */
		scoringFingerprint: text('scoring_fingerprint')
	},
	(t) => [
		unique('analysis_sections_key').on(t.versionId, t.key),
		// a version's sections in order
		unique('analysis_sections_position').on(t.versionId, t.position),
		// the target of questions' (section, version) key
		unique('analysis_sections_id_version').on(t.id, t.versionId),
		check('analysis_sections_weight', sql`${t.weight} between 1 and 100`),
		// the set null when a focus area is removed
		index('analysis_sections_focus_area').on(t.focusAreaId),
		// sections that score alike across versions (aggregates over a questionnaire's versions)
		index('analysis_sections_scoring').on(t.key, t.scoringFingerprint)
	]
);

export const analysisQuestions = pgTable(
	'analysis_questions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		versionId: uuid('version_id').notNull(),
		sectionId: uuid('section_id').notNull(),
		/** Stable within the questionnaire and across its versions. */
		key: text('key').notNull(),
		position: smallint('position').notNull(),
		kind: analysisQuestionKindEnum('kind').notNull(),
		textFi: text('text_fi').notNull(),
		textSv: text('text_sv'),
		textEn: text('text_en'),
		helpFi: text('help_fi'),
		helpSv: text('help_sv'),
		helpEn: text('help_en'),
		required: boolean('required').notNull().default(false),
		/** Scale and single choice: its weight in the section's score; null = asked, not scored. */
		weight: smallint('weight'),
		/** Multiple choice: at most this many; null = any. */
		maxChoices: smallint('max_choices'),
		/** Number: bounds, and whole numbers only. */
		minValue: doublePrecision('min_value'),
		maxValue: doublePrecision('max_value'),
		integerOnly: boolean('integer_only').notNull().default(false),
		/** Free text: the longest answer in characters. */
		maxLength: smallint('max_length')
	},
	(t) => [
		foreignKey({
			name: 'analysis_questions_section_fk',
			columns: [t.sectionId, t.versionId],
			foreignColumns: [analysisSections.id, analysisSections.versionId]
		}).onDelete('cascade'),
		unique('analysis_questions_key').on(t.versionId, t.key),
		// a section's questions in order
		unique('analysis_questions_position').on(t.sectionId, t.position),
		// the target of answers' (question, version) key
		unique('analysis_questions_id_version').on(t.id, t.versionId),
		check(
			'analysis_questions_weight',
			sql`${t.weight} is null or (${t.kind} in ('scale', 'single_choice') and ${t.weight} between 1 and 100)`
		),
		check(
			'analysis_questions_max_choices',
			sql`${t.maxChoices} is null or (${t.kind} = 'multiple_choice' and ${t.maxChoices} >= 1)`
		),
		check(
			'analysis_questions_max_length',
			sql`(${t.kind} = 'free_text') = (${t.maxLength} is not null) and (${t.maxLength} is null or ${t.maxLength} between 1 and 4000)`
		),
		check(
			'analysis_questions_range',
			sql`${t.minValue} is null or ${t.maxValue} is null or ${t.minValue} <= ${t.maxValue}`
		)
	]
);

export const analysisOptions = pgTable(
	'analysis_options',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		questionId: uuid('question_id')
			.notNull()
			.references(() => analysisQuestions.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		position: smallint('position').notNull(),
		textFi: text('text_fi').notNull(),
		textSv: text('text_sv'),
		textEn: text('text_en'),
		/** Single choice: points on any scale (ADR 019); null = left out of the score. */
		score: doublePrecision('score')
	},
	(t) => [
		unique('analysis_options_key').on(t.questionId, t.key),
		// a question's options in order
		unique('analysis_options_position').on(t.questionId, t.position)
	]
);

/**
 * A membership's situation analysis: open while its respondents answer, closed by the contact
 * person (or the coordinator). New responses are given on `versionId`, the version published
 * when it was opened.
 */
export const analyses = pgTable(
	'analyses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		membershipId: uuid('membership_id')
			.notNull()
			.unique('analyses_membership')
			.references(() => memberships.id, { onDelete: 'restrict' }),
		versionId: uuid('version_id')
			.notNull()
			.references(() => analysisVersions.id, { onDelete: 'restrict' }),
		state: analysisStateEnum('state').notNull().default('open'),
		openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
		openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
		closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/**
		 * Its invitations, its responses begun and those complete: kept by triggers on
		 * analysis_invitations and analysis_responses (migration 0021), so that the season's
		 * overview sums one row per member instead of reading every respondent (ADR 032).
		 */
		invitedCount: integer('invited_count').notNull().default(0),
		startedCount: integer('started_count').notNull().default(0),
		completeCount: integer('complete_count').notNull().default(0)
	},
	(t) => [
		check('analyses_closed', sql`(${t.state} = 'closed') = (${t.closedAt} is not null)`),
		check(
			'analyses_counts',
			sql`${t.invitedCount} >= 0 and ${t.completeCount} >= 0 and ${t.completeCount} <= ${t.startedCount}`
		),
		// a version's analyses (which version results come from; the restrict on delete)
		index('analyses_version').on(t.versionId),
		// the set null on erasure
		index('analyses_opened_by').on(t.openedBy),
		index('analyses_closed_by').on(t.closedBy)
	]
);

/**
 * A person of the municipality invited to answer. The link mailed to them carries a secret
 * token; the table keeps only its SHA-256 (tokenId), like sign-in links.
 */
export const analysisInvitations = pgTable(
	'analysis_invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		analysisId: uuid('analysis_id')
			.notNull()
			.references(() => analyses.id, { onDelete: 'cascade' }),
		/** null once the person is erased: their answers stay in the figures, unattributed. */
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		tokenHash: text('token_hash').notNull().unique('analysis_invitations_token'),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// once per person and analysis; an analysis's respondents
		uniqueIndex('analysis_invitations_person').on(t.analysisId, t.userId),
		// a person's invitations (personal data export, erasure)
		index('analysis_invitations_user').on(t.userId),
		index('analysis_invitations_invited_by').on(t.invitedBy)
	]
);

/** A respondent's answers on one version: made when they first save. */
export const analysisResponses = pgTable(
	'analysis_responses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		invitationId: uuid('invitation_id')
			.notNull()
			.unique('analysis_responses_invitation')
			.references(() => analysisInvitations.id, { onDelete: 'cascade' }),
		analysisId: uuid('analysis_id')
			.notNull()
			.references(() => analyses.id, { onDelete: 'cascade' }),
		versionId: uuid('version_id')
			.notNull()
			.references(() => analysisVersions.id, { onDelete: 'restrict' }),
		/** Every section complete (answers.ts `completeness`), as of the last save. */
		complete: boolean('complete').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// the target of answers' (response, version) key
		unique('analysis_responses_id_version').on(t.id, t.versionId),
		// an analysis's responses (who has answered, the results)
		index('analysis_responses_analysis').on(t.analysisId),
		index('analysis_responses_version').on(t.versionId)
	]
);

/**
 * One answer. Both composite keys carry the same version column, so the question belongs to
 * the response's version. A scale answer is 1–5 or "cannot say" by a check too.
 */
export const analysisAnswers = pgTable(
	'analysis_answers',
	{
		responseId: uuid('response_id').notNull(),
		questionId: uuid('question_id').notNull(),
		versionId: uuid('version_id').notNull(),
		value: jsonb('value').$type<AnswerValue>().notNull(),
		answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.questionId] }),
		foreignKey({
			name: 'analysis_answers_response_fk',
			columns: [t.responseId, t.versionId],
			foreignColumns: [analysisResponses.id, analysisResponses.versionId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'analysis_answers_question_fk',
			columns: [t.questionId, t.versionId],
			foreignColumns: [analysisQuestions.id, analysisQuestions.versionId]
		}).onDelete('restrict'),
		check(
			'analysis_answers_scale',
			sql`${t.value}->>'kind' <> 'scale' or ${t.value}->>'value' in ('1', '2', '3', '4', '5', 'cannot_say')`
		),
		// a question's answers (free text of an analysis; the restrict on delete)
		index('analysis_answers_question').on(t.questionId, t.responseId),
		index('analysis_answers_version').on(t.responseId, t.versionId)
	]
);

/**
 * A respondent's score of a section (ADR 019 rule 2), computed by the domain when they save
 * and kept here, so the comparison is aggregated in the database without reading answers:
 * a version is frozen, so the score never needs computing again. `analysisId` is kept beside
 * it for the per-member `avg()`.
 */
export const analysisResponseScores = pgTable(
	'analysis_response_scores',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => analysisResponses.id, { onDelete: 'cascade' }),
		sectionId: uuid('section_id')
			.notNull()
			.references(() => analysisSections.id, { onDelete: 'restrict' }),
		analysisId: uuid('analysis_id')
			.notNull()
			.references(() => analyses.id, { onDelete: 'cascade' }),
		score: doublePrecision('score').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.sectionId] }),
		check('analysis_response_scores_range', sql`${t.score} between 0 and 100`),
		// per section across members: avg per analysis, then quartiles per group
		index('analysis_response_scores_section').on(t.sectionId, t.analysisId, t.score),
		// an analysis's scores (its own results)
		index('analysis_response_scores_analysis').on(t.analysisId, t.sectionId)
	]
);

/**
 * A member's section mean: the `avg()` and count of its respondents' section scores, kept by
 * the save that changes them (under the analysis row's lock, so saves of one municipality's
 * respondents run one after another and none is lost). The comparison across members reads
 * these rows, one per member and section, whatever the number of respondents; whether a mean
 * counts (at least three respondents, ADR 019) is decided where it is read.
 */
export const analysisSectionMeans = pgTable(
	'analysis_section_means',
	{
		analysisId: uuid('analysis_id')
			.notNull()
			.references(() => analyses.id, { onDelete: 'cascade' }),
		sectionId: uuid('section_id')
			.notNull()
			.references(() => analysisSections.id, { onDelete: 'restrict' }),
		respondents: integer('respondents').notNull(),
		mean: doublePrecision('mean').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.analysisId, t.sectionId] }),
		check('analysis_section_means_respondents', sql`${t.respondents} > 0`),
		check('analysis_section_means_range', sql`${t.mean} between 0 and 100`),
		// per section across members: the group distributions
		index('analysis_section_means_section').on(t.sectionId, t.respondents, t.mean)
	]
);

/**
 * The expert's summary of a municipality's analysis (ADR 027): written by an expert assigned
 * to the membership's workshops or by the network's coordinator, read by the municipality and
 * the network's staff, printed in the board's PDF report. One per analysis.
 */
export const analysisSummaries = pgTable(
	'analysis_summaries',
	{
		analysisId: uuid('analysis_id')
			.primaryKey()
			.references(() => analyses.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('analysis_summaries_length', sql`char_length(${t.text}) <= 10000`),
		// the set null on erasure
		index('analysis_summaries_updated_by').on(t.updatedBy)
	]
);

/**
 * A recommended workshop theme of the expert's summary, in the order the expert gives. A
 * recommendation may become the municipality's workshop proposal (workshops.recommendation_id).
 */
export const analysisRecommendations = pgTable(
	'analysis_recommendations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		analysisId: uuid('analysis_id')
			.notNull()
			.references(() => analyses.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		title: text('title').notNull(),
		text: text('text').notNull().default(''),
		/** The season's focus area it is about; set null if the area goes. */
		focusAreaId: uuid('focus_area_id').references(() => seasonFocusAreas.id, {
			onDelete: 'set null'
		}),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('analysis_recommendations_position', sql`${t.position} between 1 and 99`),
		check(
			'analysis_recommendations_length',
			sql`char_length(${t.title}) between 1 and 300 and char_length(${t.text}) <= 4000`
		),
		// an analysis's recommendations in order
		index('analysis_recommendations_analysis').on(t.analysisId, t.position),
		// the set null when a focus area is removed
		index('analysis_recommendations_focus_area').on(t.focusAreaId),
		// the set null on erasure
		index('analysis_recommendations_created_by').on(t.createdBy)
	]
);
