import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import {
	analyses,
	analysisAnswers,
	analysisInvitations,
	analysisOptions,
	analysisQuestionnaires,
	analysisQuestions,
	analysisResponses,
	analysisResponseScores,
	analysisSectionMeans,
	analysisSections,
	analysisVersions,
	memberships,
	seasonFocusAreas,
	workshops,
	type seasons
} from '../db/schema';
import { systemActor, userActor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { generateToken, tokenId } from '../auth/tokens';
import { createUser } from '../users/create-user';
import { publishAnalysisVersion } from '../analysis/publish-analysis-version';
import { openAnalysis } from '../analysis/open-analysis';
import { loadVersion } from '../analysis/questionnaire-rows';
import { closeAnalysis } from '../analysis/close-analysis';
import { saveAnalysisSummary } from '../analysis/save-analysis-summary';
import { saveAnalysisRecommendation } from '../analysis/save-analysis-recommendation';
import { copyPreviousQuestionnaire } from '../analysis/copy-previous-questionnaire';
import { saveAnalysisSection } from '../analysis/save-analysis-section';
import {
	completeness,
	saveSection,
	type Answers,
	type AnswerValue
} from '$lib/domain/analysis/answers';
import { respondentScores } from '$lib/domain/analysis/scoring';
import { addDays, at } from './demo-events';
import type { DemoPeople } from './seed-events';
import {
	EXTRA_RESPONDENTS,
	EXTRA_TITLES_SV,
	OTHER_FREE_TEXT,
	OTHER_FREE_TEXT_SV,
	USO7_LEVELS,
	USO7_QUESTIONNAIRE,
	USO8_LEVELS,
	USO8_RESPONDENTS,
	USO8_SECTION_FOCUS_AREAS,
	VAALA_FREE_TEXT,
	VAALA_FREE_TEXT_USO8,
	VAALA_RECOMMENDATIONS,
	VAALA_RESPONDENTS,
	VAALA_SUMMARY,
	type DemoQuestion,
	type DemoSection
} from './demo-analysis';
import { USO7_MEMBERS } from './uso7';

/**
 * The demo's situation analysis (demo-analysis.ts), written through the use cases where they
 * are cheap: the coordinator publishes USO 7's questionnaire (publishAnalysisVersion checks it
 * and fixes its fingerprints), each active member's contact person opens the analysis, its
 * respondents save their answers section by section (saveAnalysisAnswers keeps their section
 * scores and the member's section means, as in use) and the contact person closes it. Two
 * steps are written directly: the draft's rows (the editor's use cases make random keys, and
 * the demo's keys are fixed), and the invitations (the use case mails each person a link, and
 * mail from 2023 would only sit in the outbox; the token is made and thrown away the same way).
 *
 * Every choice that looks random (how many answer, what each says) is a hash of the member,
 * the person and the question, so the demo is the same on every load.
 */

type Season = typeof seasons.$inferSelect;

export interface DemoAnalysisContext {
	coordinator: { id: string; email: string };
	/** The expert of Vaala's workshops, who writes its summary. */
	expert: { id: string; email: string };
	people: DemoPeople;
	seasons: { 7: Season; 8: Season };
}

/** A number in [0, 1) from a text, the same every time (FNV-1a), as seed-events.ts does. */
function pick(...parts: string[]): number {
	let hash = 0x811c9dc5;
	for (const ch of parts.join('|')) {
		hash ^= ch.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash / 2 ** 32;
}

function must<T extends { ok: boolean }>(what: string, result: T): T & { ok: true } {
	if (!result.ok) throw new Error(`demo analysis ${what}: ${JSON.stringify(result)}`);
	return result as T & { ok: true };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** USO 7's analysis round: published on 9 January 2023, the members open it over ten days. */
const PUBLISHED_ON = '2023-01-09';

export async function seedDemoAnalysis(tx: Tx, context: DemoAnalysisContext): Promise<void> {
	const db = tx as unknown as Db;
	const season = context.seasons[7];
	const coordinator = userActor(context.coordinator);
	await writeDraft(tx, season.id, USO7_QUESTIONNAIRE);
	must(
		'publish',
		await publishAnalysisVersion(db, coordinator, season.id, at(PUBLISHED_ON, '10:00'))
	);

	const active = USO7_MEMBERS.filter((m) => m.state === 'active');
	const rows = await tx
		.select({ id: memberships.id, code: memberships.municipalityCode })
		.from(memberships)
		.where(
			and(
				eq(memberships.seasonId, season.id),
				inArray(
					memberships.municipalityCode,
					active.map((m) => m.code)
				)
			)
		);
	const answeredUso7 = new Map<string, Respondent[]>();
	for (const [index, member] of active.entries()) {
		const membershipId = rows.find((r) => r.code === member.code)!.id;
		const respondents = await respondentsOf(tx, member.code, context.people);
		answeredUso7.set(member.code, respondents);
		await answerRound(db, {
			code: member.code,
			salt: member.code,
			membershipId,
			contact: contactOf(member.code, context.people),
			respondents,
			levels: USO7_LEVELS[member.code]!,
			sections: USO7_QUESTIONNAIRE,
			// Vaala first: its results are there before its first workshop is proposed (25 January)
			openedOn: addDays(PUBLISHED_ON, 1 + (member.code === '785' ? 0 : index)),
			freeText:
				member.code === '785'
					? VAALA_FREE_TEXT
					: member.code === '599'
						? OTHER_FREE_TEXT_SV
						: OTHER_FREE_TEXT
		});
	}
	await writeVaalaSummary(tx, context, rows.find((r) => r.code === '785')!.id);
	await seedUso8Analysis(tx, context, answeredUso7);
}

function contactOf(code: string, people: DemoPeople) {
	const member = USO7_MEMBERS.find((m) => m.code === code)!;
	const contactName = member.people.find((p) => p.account === 'contact')!.name;
	return userActor(people.get(contactName)!);
}

/**
 * USO 8's round (demo-analysis.ts): the coordinator starts the questionnaire from USO 7's
 * through the use case, points its sections at USO 8's focus areas (an edit that leaves the
 * scoring alone, so the sections stay comparable) and publishes it twelve days into the
 * season; Vaala and Kempele answer it with people who answered USO 7, each respondent keeping
 * their outlook (bias) but answering afresh, and close it within two weeks, before their first
 * USO 8 workshop is proposed (150 days before the load day, which lies at least six months
 * into the season: demo-workshops.ts, uso8.ts).
 */
async function seedUso8Analysis(
	tx: Tx,
	context: DemoAnalysisContext,
	answeredUso7: ReadonlyMap<string, Respondent[]>
) {
	const db = tx as unknown as Db;
	const season = context.seasons[8];
	const coordinator = userActor(context.coordinator);
	must(
		'copy',
		await copyPreviousQuestionnaire(db, coordinator, { seasonId: season.id, networkIds: null })
	);
	const areas = await tx
		.select({ id: seasonFocusAreas.id, position: seasonFocusAreas.position })
		.from(seasonFocusAreas)
		.where(eq(seasonFocusAreas.seasonId, season.id));
	// the copy's texts and weights as they were: only the focus area changes
	for (const section of USO7_QUESTIONNAIRE) {
		const position = USO8_SECTION_FOCUS_AREAS[section.key]!;
		must(
			'section',
			await saveAnalysisSection(db, coordinator, {
				seasonId: season.id,
				sectionKey: section.key,
				titleFi: section.title.fi,
				titleSv: section.title.sv,
				titleEn: section.title.en,
				descriptionFi: section.description.fi,
				descriptionSv: section.description.sv,
				descriptionEn: section.description.en,
				weight: 1,
				focusAreaId: areas.find((a) => a.position === position)!.id
			})
		);
	}
	const publishedOn = addDays(season.startsOn, 11);
	must(
		'publish',
		await publishAnalysisVersion(db, coordinator, season.id, at(publishedOn, '10:00'))
	);

	const codes = Object.keys(USO8_LEVELS);
	const rows = await tx
		.select({ id: memberships.id, code: memberships.municipalityCode })
		.from(memberships)
		.where(and(eq(memberships.seasonId, season.id), inArray(memberships.municipalityCode, codes)));
	for (const [index, code] of codes.entries()) {
		await answerRound(db, {
			code,
			salt: `${code}/uso8`,
			membershipId: rows.find((r) => r.code === code)!.id,
			contact: contactOf(code, context.people),
			respondents: answeredUso7.get(code)!.slice(0, USO8_RESPONDENTS[code]),
			levels: USO8_LEVELS[code]!,
			sections: USO7_QUESTIONNAIRE,
			openedOn: addDays(publishedOn, 1 + index),
			freeText: code === '785' ? VAALA_FREE_TEXT_USO8 : OTHER_FREE_TEXT
		});
	}
}

/**
 * Antti's summary and recommended themes of Vaala's analysis, written when it closed; the held
 * workshops that took each theme name it (the link a proposal from a recommendation keeps).
 */
async function writeVaalaSummary(tx: Tx, context: DemoAnalysisContext, membershipId: string) {
	const db = tx as unknown as Db;
	const expert = userActor(context.expert);
	const seasonId = context.seasons[7].id;
	const [analysis] = await tx
		.select({ id: analyses.id, closedAt: analyses.closedAt })
		.from(analyses)
		.where(eq(analyses.membershipId, membershipId));
	const when = new Date(analysis!.closedAt!.getTime() + 2 * 86_400_000);
	await saveAnalysisSummary(db, expert, { analysisId: analysis!.id, text: VAALA_SUMMARY }, when);
	const areas = await tx
		.select({ id: seasonFocusAreas.id, position: seasonFocusAreas.position })
		.from(seasonFocusAreas)
		.where(eq(seasonFocusAreas.seasonId, seasonId));
	for (const [i, r] of VAALA_RECOMMENDATIONS.entries()) {
		const focusAreaId = areas.find((a) => a.position === r.focusArea)!.id;
		const saved = must(
			'recommendation',
			await saveAnalysisRecommendation(
				db,
				expert,
				{
					analysisId: analysis!.id,
					seasonId,
					recommendationId: null,
					position: i + 1,
					title: r.title,
					text: r.text,
					focusAreaId
				},
				when
			)
		);
		const [first] = await tx
			.select({ id: workshops.id })
			.from(workshops)
			.where(
				and(
					eq(workshops.membershipId, membershipId),
					eq(workshops.focusAreaId, focusAreaId),
					eq(workshops.state, 'held')
				)
			)
			.orderBy(workshops.startsAt)
			.limit(1);
		if (first) {
			await tx
				.update(workshops)
				.set({ recommendationId: saved.id })
				.where(eq(workshops.id, first.id));
		}
	}
}

/** A draft version 1 of the season's questionnaire with the demo's fixed keys. */
async function writeDraft(tx: Tx, seasonId: string, sections: readonly DemoSection[]) {
	const [questionnaire] = await tx
		.insert(analysisQuestionnaires)
		.values({ seasonId })
		.returning({ id: analysisQuestionnaires.id });
	const [version] = await tx
		.insert(analysisVersions)
		.values({ questionnaireId: questionnaire!.id, number: 1 })
		.returning({ id: analysisVersions.id });
	const areas = await tx
		.select({ id: seasonFocusAreas.id, position: seasonFocusAreas.position })
		.from(seasonFocusAreas)
		.where(eq(seasonFocusAreas.seasonId, seasonId));
	const sectionRows = await tx
		.insert(analysisSections)
		.values(
			sections.map((s, i) => ({
				versionId: version!.id,
				key: s.key,
				position: i + 1,
				focusAreaId: areas.find((a) => a.position === s.focusArea)?.id ?? null,
				titleFi: s.title.fi,
				titleSv: s.title.sv,
				titleEn: s.title.en,
				descriptionFi: s.description.fi,
				descriptionSv: s.description.sv,
				descriptionEn: s.description.en,
				weight: 1
			}))
		)
		.returning({ id: analysisSections.id, key: analysisSections.key });
	const questions = sections.flatMap((s) =>
		s.questions.map((q, i) => ({ q, sectionId: sectionRows.find((r) => r.key === s.key)!.id, i }))
	);
	const questionRows = await tx
		.insert(analysisQuestions)
		.values(
			questions.map(({ q, sectionId, i }) => ({
				versionId: version!.id,
				sectionId,
				key: q.key,
				position: i + 1,
				kind: q.kind,
				textFi: q.text.fi,
				textSv: q.text.sv,
				textEn: q.text.en,
				required: q.required ?? false,
				weight: q.kind === 'scale' || q.kind === 'single_choice' ? q.weight : null,
				maxChoices: q.kind === 'multiple_choice' ? q.maxChoices : null,
				minValue: q.kind === 'number' ? q.min : null,
				maxValue: q.kind === 'number' ? q.max : null,
				integerOnly: q.kind === 'number' ? q.integer : false,
				maxLength: q.kind === 'free_text' ? q.maxLength : null
			}))
		)
		.returning({ id: analysisQuestions.id, key: analysisQuestions.key });
	const options = questions.flatMap(({ q }) => {
		const questionId = questionRows.find((r) => r.key === q.key)!.id;
		if (q.kind === 'single_choice') {
			return q.options.map((o, i) => ({ questionId, i, text: o.text, score: o.score }));
		}
		if (q.kind === 'multiple_choice') {
			return q.options.map((text, i) => ({ questionId, i, text, score: null }));
		}
		return [];
	});
	await tx.insert(analysisOptions).values(
		options.map((o) => ({
			questionId: o.questionId,
			key: `o${o.i + 1}`,
			position: o.i + 1,
			textFi: o.text.fi,
			textSv: o.text.sv,
			textEn: o.text.en,
			score: o.score
		}))
	);
}

interface Respondent {
	id: string;
	email: string;
	name: string;
}

/**
 * Who answers for a member: Vaala's five named people; elsewhere the contact person and the
 * participant, and one to four more people of the municipality made for it (3–6 in all).
 */
/** How many of a member's people answer its USO 7 analysis (Vaala: its five named ones). */
function respondentCount(code: string): number {
	return code === '785' ? VAALA_RESPONDENTS.length : 3 + Math.floor(pick(code, 'respondents') * 4);
}

/**
 * The people the demo adds to an active USO 7 member as respondents beyond its contact person
 * and participant (none for Vaala, whose respondents are its own people).
 */
export function demoExtraRespondents(code: string): number {
	return code === '785' ? 0 : Math.max(0, respondentCount(code) - 2);
}

async function respondentsOf(tx: Tx, code: string, people: DemoPeople): Promise<Respondent[]> {
	const own = [...people.entries()]
		.filter(([, p]) => p.municipalityCode === code)
		.map(([name, p]) => ({ id: p.id, email: p.email, name }));
	if (code === '785') {
		return VAALA_RESPONDENTS.map((name) => own.find((p) => p.name === name)!);
	}
	const count = respondentCount(code);
	const chosen = own.slice(0, Math.min(2, count));
	const swedish = code === '599';
	for (const extra of EXTRA_RESPONDENTS.slice(0, count - chosen.length)) {
		const email = `${extra.first}.${extra.last}.${code}@example.fi`
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase();
		const user = await createUser(tx, systemActor, {
			email,
			name: `${extra.first} ${extra.last}`,
			locale: swedish ? 'sv' : 'fi',
			municipalityCode: code,
			title: swedish ? EXTRA_TITLES_SV[extra.title]! : extra.title,
			positions: ['other']
		});
		chosen.push({ id: user.id, email: user.email, name: user.name });
	}
	return chosen;
}

interface Round {
	code: string;
	membershipId: string;
	contact: ReturnType<typeof userActor>;
	respondents: Respondent[];
	levels: readonly number[];
	sections: readonly DemoSection[];
	openedOn: string;
	/** What the round's hashes start from: the member's code in USO 7, so that it stays as it was. */
	salt: string;
	/** Free-text answers to choose from, by question key. */
	freeText: Readonly<Record<string, readonly string[]>>;
}

/**
 * One member's round: opened, its people invited the same day, answered within two weeks,
 * closed. Each respondent's sections go through the domain's `saveSection` (the check the save
 * use case makes) and `respondentScores`, and are written in bulk: the use case's one
 * transaction per section was half the demo's load time.
 */
async function answerRound(db: Db, round: Round) {
	const opened = must(
		'open',
		await openAnalysis(db, round.contact, {
			code: round.code,
			membershipId: round.membershipId,
			networkIds: null
		})
	);
	const analysisId = opened.analysisId;
	const [analysis] = await db
		.update(analyses)
		.set({ openedAt: at(round.openedOn, '09:00') })
		.where(eq(analyses.id, analysisId))
		.returning({ versionId: analyses.versionId });
	const version = (await loadVersion(db, analysis!.versionId))!;
	const questionnaire = version.questionnaire;
	const invitations = await db
		.insert(analysisInvitations)
		.values(
			round.respondents.map((person) => ({
				analysisId,
				userId: person.id,
				tokenHash: tokenId(generateToken()),
				invitedBy: round.contact.userId,
				invitedAt: at(round.openedOn, '09:30')
			}))
		)
		.returning({ id: analysisInvitations.id, userId: analysisInvitations.userId });
	await recordAudit(db, round.contact, {
		action: 'analysis.invite',
		entityType: 'analysis',
		entityId: analysisId,
		after: { people: round.respondents.map((p) => p.id), renewed: 0 }
	});

	const answered = round.respondents.map((person) => {
		// a respondent's own outlook: some see their municipality brighter than others
		const bias = (pick(round.code, person.name, 'bias') - 0.5) * 24;
		const day = addDays(round.openedOn, 1 + Math.floor(pick(round.salt, person.name, 'day') * 12));
		let answers: Answers = new Map();
		for (const [s, section] of round.sections.entries()) {
			const submitted = new Map<string, AnswerValue | null>();
			for (const question of section.questions) {
				const answer = answerOf(question, round, person.name, round.levels[s]! + bias);
				if (answer) submitted.set(question.key, answer);
			}
			const saved = saveSection({
				state: 'open',
				questionnaire,
				section: section.key,
				previous: answers,
				submitted
			});
			answers = must('answers', saved).answers;
		}
		return {
			invitationId: invitations.find((i) => i.userId === person.id)!.id,
			answers,
			at: at(day, '10:00')
		};
	});
	const responses = await db
		.insert(analysisResponses)
		.values(
			answered.map((a) => ({
				invitationId: a.invitationId,
				analysisId,
				versionId: version.version.id,
				complete: completeness(questionnaire, a.answers).progress === 'complete',
				createdAt: a.at,
				updatedAt: a.at
			}))
		)
		.returning({ id: analysisResponses.id, invitationId: analysisResponses.invitationId });
	const questionId = new Map(
		questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.key, q.id]))
	);
	const sectionId = new Map(questionnaire.sections.map((s) => [s.key, s.id]));
	const responseOf = (a: (typeof answered)[number]) =>
		responses.find((r) => r.invitationId === a.invitationId)!.id;
	await db.insert(analysisAnswers).values(
		answered.flatMap((a) =>
			[...a.answers].map(([key, value]) => ({
				responseId: responseOf(a),
				questionId: questionId.get(key)!,
				versionId: version.version.id,
				value,
				answeredAt: a.at
			}))
		)
	);
	await db.insert(analysisResponseScores).values(
		answered.flatMap((a) =>
			[...respondentScores(questionnaire, a.answers).sections]
				.filter((e): e is [string, number] => e[1] !== null)
				.map(([key, score]) => ({
					responseId: responseOf(a),
					sectionId: sectionId.get(key)!,
					analysisId,
					score
				}))
		)
	);
	// the member's section means as the save use case keeps them: avg over its respondents
	await db.insert(analysisSectionMeans).select(
		db
			.select({
				analysisId: analysisResponseScores.analysisId,
				sectionId: analysisResponseScores.sectionId,
				respondents: sql<number>`count(*)::int`.as('respondents'),
				mean: sql<number>`avg(${analysisResponseScores.score})`.as('mean')
			})
			.from(analysisResponseScores)
			.where(eq(analysisResponseScores.analysisId, analysisId))
			.groupBy(analysisResponseScores.analysisId, analysisResponseScores.sectionId)
	);
	must(
		'close',
		await closeAnalysis(db, round.contact, analysisId, at(addDays(round.openedOn, 14), '15:00'))
	);
}

/** What one person answers to one question, leaning to `level` (0–100); null: left blank. */
function answerOf(
	question: DemoQuestion,
	round: Round,
	person: string,
	level: number
): AnswerValue | null {
	const r = (what: string) => pick(round.salt, person, question.key, what);
	const x = level + (r('noise') - 0.5) * 36;
	switch (question.kind) {
		case 'scale':
			if (r('cannot') < 0.05) return { kind: 'scale', value: 'cannot_say' };
			return { kind: 'scale', value: clamp(Math.round(1 + x / 25), 1, 5) };
		case 'single_choice': {
			const scored = question.options
				.map((o, i) => ({ key: `o${i + 1}`, score: o.score }))
				.filter((o): o is { key: string; score: number } => o.score !== null);
			const unscored = question.options.findIndex((o) => o.score === null);
			if (unscored >= 0 && r('unknown') < 0.05) {
				return { kind: 'single_choice', option: `o${unscored + 1}` };
			}
			const lo = Math.min(...scored.map((o) => o.score));
			const hi = Math.max(...scored.map((o) => o.score));
			const nearest = scored.reduce((best, o) =>
				Math.abs(((o.score - lo) / (hi - lo)) * 100 - x) <
				Math.abs(((best.score - lo) / (hi - lo)) * 100 - x)
					? o
					: best
			);
			return { kind: 'single_choice', option: nearest.key };
		}
		case 'multiple_choice': {
			// the strategy section's last option is "none of these"
			const none = question.key === 'q_de71000007' ? question.options.length : null;
			if (none !== null && x < 25) return { kind: 'multiple_choice', options: [`o${none}`] };
			const choices = question.options
				.map((_, i) => `o${i + 1}`)
				.filter((key, i) => i + 1 !== none && r(key) < 0.25 + x / 200);
			const limit = question.maxChoices ?? choices.length;
			const chosen = choices.slice(0, limit);
			return { kind: 'multiple_choice', options: chosen.length > 0 ? chosen : ['o1'] };
		}
		case 'number': {
			if (r('skip') < 0.3) return null;
			const value =
				question.unit === 'count'
					? Math.round(clamp(x / 15 + r('n') * 3, question.min, question.max))
					: Math.round(clamp(x / 25 + r('n') * 2, question.min, question.max) * 2) / 2;
			return { kind: 'number', value };
		}
		case 'free_text': {
			if (r('say') >= (round.code === '785' ? 0.6 : 0.35)) return null;
			const texts = round.freeText[question.key];
			if (!texts) return null;
			return { kind: 'free_text', text: texts[Math.floor(r('which') * texts.length)]! };
		}
	}
}
