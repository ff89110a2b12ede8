import { and, desc, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import {
	analyses,
	analysisQuestionnaires,
	analysisVersions,
	memberships,
	outbox,
	seasons
} from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/server/actor';
import { systemActor } from '../../src/lib/server/actor';
import { createUser } from '../../src/lib/server/users/create-user';
import { saveAnalysisSection } from '../../src/lib/server/analysis/save-analysis-section';
import { saveAnalysisQuestion } from '../../src/lib/server/analysis/save-analysis-question';
import { publishAnalysisVersion } from '../../src/lib/server/analysis/publish-analysis-version';
import { openAnalysis } from '../../src/lib/server/analysis/open-analysis';
import { inviteRespondents } from '../../src/lib/server/analysis/invite-respondents';
import { findMunicipalityAnalysis } from '../../src/lib/server/analysis/analysis-queries';
import { saveAnalysisAnswers } from '../../src/lib/server/analysis/save-analysis-answers';
import type { OptionInput, QuestionForm, SectionForm } from '../../src/lib/schemas/analysis';
import type { AnswerValue } from '../../src/lib/domain/analysis/answers';
import { uso7Membership } from './workshops';

/** Situation analyses for tests, on the demo data: USO 7's questionnaire and members' answers. */

/**
 * Takes away the demo's situation analysis (src/lib/server/demo/demo-analysis.ts: USO 7's
 * questionnaire answered and closed by every member): tests that build their own questionnaire
 * and answers start from a season without one. Analyses first (their invitations, responses,
 * answers, scores and means go with them), then the versions (sections, questions, options).
 */
export async function withoutDemoAnalyses(db: Db): Promise<void> {
	await db.delete(analyses);
	await db.delete(analysisVersions);
	await db.delete(analysisQuestionnaires);
}

/**
 * Takes away the demo's USO 8 analysis only (its questionnaire copied from USO 7's and the two
 * members' closed analyses, seed-analysis.ts), keeping USO 7's: for stories that write the
 * current season's questionnaire from empty and open its analyses themselves.
 */
export async function withoutDemoUso8Analysis(db: Db): Promise<void> {
	const uso8 = db.select({ id: seasons.id }).from(seasons).where(eq(seasons.number, 8));
	await db
		.delete(analyses)
		.where(
			inArray(
				analyses.membershipId,
				db
					.select({ id: memberships.id })
					.from(memberships)
					.where(inArray(memberships.seasonId, uso8))
			)
		);
	const questionnaires = db
		.select({ id: analysisQuestionnaires.id })
		.from(analysisQuestionnaires)
		.where(inArray(analysisQuestionnaires.seasonId, uso8));
	await db
		.delete(analysisVersions)
		.where(inArray(analysisVersions.questionnaireId, questionnaires));
	await db.delete(analysisQuestionnaires).where(inArray(analysisQuestionnaires.seasonId, uso8));
}

export function sectionForm(titleFi: string, overrides: Partial<SectionForm> = {}): SectionForm {
	return {
		titleFi,
		titleSv: null,
		titleEn: null,
		descriptionFi: null,
		descriptionSv: null,
		descriptionEn: null,
		weight: 1,
		focusAreaId: null,
		...overrides
	};
}

export function scaleQuestion(
	textFi: string,
	overrides: Partial<QuestionForm> = {}
): QuestionForm & { options: OptionInput[] } {
	return {
		kind: 'scale',
		textFi,
		textSv: null,
		textEn: null,
		helpFi: null,
		helpSv: null,
		helpEn: null,
		required: true,
		weight: 1,
		maxChoices: null,
		minValue: null,
		maxValue: null,
		integerOnly: false,
		maxLength: null,
		options: [],
		...overrides
	};
}

/**
 * Three sections of two weighted scale questions each, the first with a free-text question
 * too, published as version 1. Returns the section and question keys in order.
 */
export async function publishedQuestionnaire(db: Db, actor: Actor, seasonId: string) {
	const sections: { key: string; questions: string[] }[] = [];
	for (const title of ['Strategia', 'Osallisuus', 'Talous']) {
		const s = await saveAnalysisSection(db, actor, {
			seasonId,
			sectionKey: null,
			...sectionForm(title)
		});
		if (!s.ok) throw new Error('section not saved');
		const questions: string[] = [];
		for (const text of [`${title}: väite 1`, `${title}: väite 2`]) {
			const q = await saveAnalysisQuestion(db, actor, {
				seasonId,
				sectionKey: s.key,
				questionKey: null,
				...scaleQuestion(text)
			});
			if (!q.ok) throw new Error('question not saved');
			questions.push(q.key);
		}
		if (title === 'Strategia') {
			const q = await saveAnalysisQuestion(db, actor, {
				seasonId,
				sectionKey: s.key,
				questionKey: null,
				...scaleQuestion('Mitä muuta haluat sanoa?', {
					kind: 'free_text',
					weight: null,
					required: false,
					maxLength: 500
				})
			});
			if (!q.ok) throw new Error('question not saved');
			questions.push(q.key);
		}
		sections.push({ key: s.key, questions });
	}
	const published = await publishAnalysisVersion(db, actor, seasonId);
	if (!published.ok) throw new Error(`not published: ${JSON.stringify(published)}`);
	return sections;
}

/** The newest link mailed to an address. */
export async function mailedToken(db: Db, email: string): Promise<string> {
	const [row] = await db
		.select({ text: outbox.text })
		.from(outbox)
		.where(and(eq(outbox.to, email), like(outbox.text, '%/respond/%')))
		.orderBy(desc(outbox.id))
		.limit(1);
	const token = /\/respond\/([a-z2-7]{32})/.exec(row?.text ?? '')?.[1];
	if (!token) throw new Error(`no link mailed to ${email}`);
	return token;
}

let counter = 0;

/**
 * A member's analysis opened with `respondents` new people invited; returns the analysis and
 * each respondent's token.
 */
export async function analysisWithRespondents(
	db: Db,
	actor: Actor,
	code: string,
	respondents: number
) {
	const membership = await uso7Membership(db, code);
	const opened = await openAnalysis(db, actor, {
		code,
		membershipId: membership.id,
		networkIds: null
	});
	if (!opened.ok) throw new Error(`not opened: ${opened.error}`);
	const analysis = (await findMunicipalityAnalysis(db, code, opened.analysisId))!;
	const people = [];
	for (let i = 0; i < respondents; i++) {
		counter++;
		people.push(
			await createUser(db, systemActor, {
				email: `vastaaja-${code}-${counter}@example.fi`,
				name: `Vastaaja ${counter}`,
				municipalityCode: code
			})
		);
	}
	const invited = await inviteRespondents(db, actor, {
		analysis,
		personIds: people.map((p) => p.id),
		origin: 'http://localhost:3000'
	});
	if (!invited.ok) throw new Error(`not invited: ${invited.error}`);
	const tokens = [];
	for (const p of people) tokens.push(await mailedToken(db, p.email));
	return { analysis, membership, people, tokens };
}

export const scale = (value: number | 'cannot_say'): AnswerValue => ({ kind: 'scale', value });

/** Saves a respondent's answers to one section: the same scale value for each question. */
export async function answerSection(
	db: Db,
	token: string,
	versionId: string,
	section: { key: string; questions: string[] },
	value: number
) {
	return saveAnalysisAnswers(db, {
		token,
		sectionKey: section.key,
		versionId,
		submitted: new Map(section.questions.slice(0, 2).map((q) => [q, scale(value)]))
	});
}
