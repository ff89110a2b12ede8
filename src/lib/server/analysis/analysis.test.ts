import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { uso7 } from '../../../../tests/factories/events';
import { contactOf, coordinatorActor, uso7Membership } from '../../../../tests/factories/workshops';
import {
	analysisWithRespondents,
	answerSection,
	withoutDemoAnalyses,
	mailedToken,
	publishedQuestionnaire,
	scale,
	scaleQuestion,
	sectionForm
} from '../../../../tests/factories/analysis';
import {
	analysisAnswers,
	analysisQuestions,
	analysisResponses,
	analysisVersions,
	municipalities,
	outbox
} from '../db/schema';
import type { Actor } from '../actor';
import { saveAnalysisSection } from './save-analysis-section';
import { saveAnalysisQuestion } from './save-analysis-question';
import { removeFromQuestionnaire } from './remove-from-questionnaire';
import { publishAnalysisVersion } from './publish-analysis-version';
import {
	latestPublishedVersion,
	loadVersion,
	seasonQuestionnaire,
	listVersions
} from './questionnaire-rows';
import { saveAnalysisAnswers } from './save-analysis-answers';
import { viewAsRespondent } from './respondent-view';
import { closeAnalysis } from './close-analysis';
import { openAnalysis } from './open-analysis';
import { inviteRespondents } from './invite-respondents';
import { findMunicipalityAnalysis, listRespondents } from './analysis-queries';
import { analysisResults, freeTextAnswers } from './analysis-results';
import { analysisViewer } from './analysis-viewer';
import { seasonResponseRates } from './season-response-rates';
import { groupDistributions, groupDistributionsBy } from './member-scores';
import { exportMemberScores } from './export-member-scores';
import { groupDistribution } from '$lib/domain/analysis/distribution';
import { mean } from '$lib/domain/analysis/statistics';
import type { SessionUser } from '../auth/session';

let database: TestDatabase;
let coordinator: Actor;
let seasonId: string;
let sections: { key: string; questions: string[] }[];

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoAnalyses(database.db);
	coordinator = await coordinatorActor(database.db);
	seasonId = (await uso7(database.db)).seasonId;
	sections = await publishedQuestionnaire(database.db, coordinator, seasonId);
});
afterAll(() => database?.close());

const versionOf = async () => (await latestPublishedVersion(database.db, seasonId))!;

describe('the coordinator building the questionnaire', () => {
	it('publishes version 1 with three sections and their scoring fingerprints', async () => {
		const v1 = await versionOf();
		expect(v1).toMatchObject({ number: 1, status: 'published' });
		const loaded = (await loadVersion(database.db, v1.id))!;
		expect(loaded.questionnaire.sections.map((s) => s.title.fi)).toEqual([
			'Strategia',
			'Osallisuus',
			'Talous'
		]);
		expect(loaded.questionnaire.sections[0]!.questions).toHaveLength(3);
	});

	it('refuses to publish a draft with a section of no questions, naming the section', async () => {
		const empty = await saveAnalysisSection(database.db, coordinator, {
			seasonId,
			sectionKey: null,
			...sectionForm('Tyhjä osio')
		});
		expect(empty).toMatchObject({ ok: true, change: 'new_version', versionNumber: 2 });
		const refused = await publishAnalysisVersion(database.db, coordinator, seasonId);
		expect(refused).toEqual({
			ok: false,
			error: 'problems',
			problems: [{ code: 'empty_section', section: 3 }]
		});
		// version 1 stayed as it was, the draft is version 2
		const questionnaire = (await seasonQuestionnaire(database.db, seasonId))!;
		const versions = await listVersions(database.db, questionnaire.id);
		expect(versions.map((v) => [v.number, v.status])).toEqual([
			[2, 'draft'],
			[1, 'published']
		]);
		const v1 = (await loadVersion(database.db, versions[1]!.id))!;
		expect(v1.questionnaire.sections).toHaveLength(3);
		// dropping the section leaves a draft equal to version 1: publishing it is refused
		if (!empty.ok) return;
		await removeFromQuestionnaire(database.db, coordinator, {
			seasonId,
			sectionKey: empty.key,
			questionKey: null
		});
		expect(await publishAnalysisVersion(database.db, coordinator, seasonId)).toEqual({
			ok: false,
			error: 'unchanged'
		});
	});

	it('refuses a weight on an unscored kind and points without a weight, writing nothing', async () => {
		const before = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(analysisQuestions);
		expect(
			await saveAnalysisQuestion(database.db, coordinator, {
				seasonId,
				sectionKey: sections[0]!.key,
				questionKey: null,
				...scaleQuestion('Luku', { kind: 'number', weight: 2 })
			})
		).toEqual({ ok: false, field: 'weight', error: 'weight_not_scored' });
		expect(
			await saveAnalysisQuestion(database.db, coordinator, {
				seasonId,
				sectionKey: sections[0]!.key,
				questionKey: null,
				...scaleQuestion('Valinta', { kind: 'multiple_choice', weight: null }),
				options: [
					{ fi: 'A', sv: null, en: null, score: 1 },
					{ fi: 'B', sv: null, en: null, score: 2 }
				]
			})
		).toEqual({ ok: false, field: 'optionScore1', error: 'score_on_unscored' });
		const after = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(analysisQuestions);
		expect(after).toEqual(before);
	});
});

describe('answers belong to their version', () => {
	it('the database refuses an answer to another version’s question and a scale value of 7', async () => {
		const { tokens } = await analysisWithRespondents(database.db, coordinator, '244', 1);
		const v1 = await versionOf();
		const saved = await answerSection(database.db, tokens[0]!, v1.id, sections[1]!, 4);
		expect(saved).toMatchObject({ ok: true });
		const [response] = await database.db
			.select()
			.from(analysisResponses)
			.where(eq(analysisResponses.versionId, v1.id))
			.limit(1);
		// a question of the draft (version 2) — another version's question
		const [draft] = await database.db
			.select()
			.from(analysisVersions)
			.where(eq(analysisVersions.status, 'draft'));
		const [foreign] = await database.db
			.select()
			.from(analysisQuestions)
			.where(eq(analysisQuestions.versionId, draft!.id))
			.limit(1);
		await expect(
			database.db.insert(analysisAnswers).values({
				responseId: response!.id,
				questionId: foreign!.id,
				versionId: v1.id,
				value: scale(3)
			})
		).rejects.toThrow();
		await expect(
			database.db.insert(analysisAnswers).values({
				responseId: response!.id,
				questionId: foreign!.id,
				versionId: draft!.id,
				value: scale(3)
			})
		).rejects.toThrow();
		const [own] = await database.db
			.select()
			.from(analysisQuestions)
			.where(
				and(
					eq(analysisQuestions.versionId, v1.id),
					eq(analysisQuestions.key, sections[2]!.questions[0]!)
				)
			);
		await expect(
			database.db.insert(analysisAnswers).values({
				responseId: response!.id,
				questionId: own!.id,
				versionId: v1.id,
				value: scale(7)
			})
		).rejects.toThrow();
	});
});

describe('a respondent answering', () => {
	it('is invited by mail, saves a section, comes back to it, and changes it', async () => {
		const contact = await contactOf(database.db, '785');
		const { analysis, people, tokens } = await analysisWithRespondents(
			database.db,
			contact.actor,
			'785',
			1
		);
		const [mail] = await database.db.select().from(outbox).where(eq(outbox.to, people[0]!.email));
		expect(mail!.subject).toContain('Vaala');
		expect(mail!.text).toMatch(/http:\/\/localhost:3000\/respond\/[a-z2-7]{32}/);
		const v1 = await versionOf();
		const token = tokens[0]!;
		const first = await saveAnalysisAnswers(database.db, {
			token,
			sectionKey: sections[0]!.key,
			versionId: v1.id,
			submitted: new Map([
				[sections[0]!.questions[0]!, scale(5)],
				[sections[0]!.questions[2]!, { kind: 'free_text', text: 'Strategia on hyvä.' }]
			])
		});
		expect(first).toEqual({ ok: true, changed: 2, complete: false });
		const back = (await viewAsRespondent(database.db, token))!;
		expect(back.answers.get(sections[0]!.questions[0]!)).toEqual(scale(5));
		expect(back.invitation.municipality.code).toBe('785');
		const changed = await answerSection(database.db, token, v1.id, sections[0]!, 2);
		expect(changed).toMatchObject({ ok: true, changed: 3 });
		const again = (await viewAsRespondent(database.db, token))!;
		expect(again.answers.get(sections[0]!.questions[0]!)).toEqual(scale(2));
		expect(again.answers.get(sections[0]!.questions[2]!)).toBeUndefined();
		const page = await listRespondents(database.db, analysis.analysis.id, 1);
		expect(page).toMatchObject({ total: 1, started: 1, complete: 0 });
	});

	it('gets a message and nothing written for an answer outside the scale, another section’s question or another version', async () => {
		const { tokens } = await analysisWithRespondents(database.db, coordinator, '205', 1);
		const token = tokens[0]!;
		const v1 = await versionOf();
		const count = async () =>
			(await database.db.select({ n: sql<number>`count(*)::int` }).from(analysisAnswers))[0]!.n;
		const before = await count();
		const outside = await saveAnalysisAnswers(database.db, {
			token,
			sectionKey: sections[1]!.key,
			versionId: v1.id,
			submitted: new Map([
				[sections[1]!.questions[0]!, scale(3)],
				[sections[1]!.questions[1]!, scale(6)]
			])
		});
		expect(outside).toEqual({
			ok: false,
			error: 'problems',
			problems: [{ code: 'out_of_scale', question: sections[1]!.questions[1] }]
		});
		const elsewhere = await saveAnalysisAnswers(database.db, {
			token,
			sectionKey: sections[1]!.key,
			versionId: v1.id,
			submitted: new Map([[sections[2]!.questions[0]!, scale(3)]])
		});
		expect(elsewhere).toMatchObject({
			ok: false,
			problems: [{ code: 'unknown_question', question: sections[2]!.questions[0] }]
		});
		const [draft] = await database.db
			.select()
			.from(analysisVersions)
			.where(eq(analysisVersions.status, 'draft'));
		expect(await answerSection(database.db, token, draft!.id, sections[1]!, 3)).toEqual({
			ok: false,
			error: 'another_version'
		});
		expect(await count()).toBe(before);
		expect(await viewAsRespondent(database.db, 'a'.repeat(32))).toBeNull();
	});

	it('cannot save once the contact person has closed the analysis', async () => {
		const contact = await contactOf(database.db, '777');
		const { analysis, tokens } = await analysisWithRespondents(
			database.db,
			contact.actor,
			'777',
			1
		);
		const v1 = await versionOf();
		expect(await answerSection(database.db, tokens[0]!, v1.id, sections[0]!, 4)).toMatchObject({
			ok: true
		});
		expect(await closeAnalysis(database.db, contact.actor, analysis.analysis.id)).toEqual({
			ok: true
		});
		expect(await answerSection(database.db, tokens[0]!, v1.id, sections[0]!, 1)).toEqual({
			ok: false,
			error: 'problems',
			problems: [{ code: 'analysis_closed' }]
		});
		const kept = (await viewAsRespondent(database.db, tokens[0]!))!;
		expect(kept.answers.get(sections[0]!.questions[0]!)).toEqual(scale(4));
		expect(
			await inviteRespondents(database.db, contact.actor, {
				analysis,
				personIds: [contact.actor.userId!],
				origin: 'http://localhost'
			})
		).toEqual({ ok: false, error: 'closed' });
	});

	it('inviting again renews the link: the old one opens nothing', async () => {
		const contact = await contactOf(database.db, '615');
		const { analysis, people, tokens } = await analysisWithRespondents(
			database.db,
			contact.actor,
			'615',
			1
		);
		const renewed = await inviteRespondents(database.db, contact.actor, {
			analysis,
			personIds: [people[0]!.id],
			origin: 'http://localhost'
		});
		expect(renewed).toEqual({ ok: true, invited: 0, renewed: 1 });
		expect(await viewAsRespondent(database.db, tokens[0]!)).toBeNull();
		const fresh = await mailedToken(database.db, people[0]!.email);
		expect((await viewAsRespondent(database.db, fresh))!.invitation.municipality.code).toBe('615');
	});

	it('a contact person cannot invite another municipality’s people', async () => {
		const contact = await contactOf(database.db, '140');
		const { analysis } = await analysisWithRespondents(database.db, contact.actor, '140', 0);
		const vaalaContact = await contactOf(database.db, '785');
		expect(
			await inviteRespondents(database.db, contact.actor, {
				analysis,
				personIds: [vaalaContact.actor.userId!],
				origin: 'http://localhost'
			})
		).toEqual({ ok: false, error: 'unknown_person' });
	});
});

describe('results and comparison', () => {
	/** Members with three respondents each, all answering every section with given values. */
	const plan: [string, number[]][] = [
		['743', [5, 4, 3]],
		['434', [2, 2, 3]],
		['599', [4, 4, 4]],
		['507', [1, 3, 5]],
		['588', [3, 3, 2]],
		['710', [5, 5, 4]]
	];
	const memberMean = (values: number[]) => mean(values.map((v) => (v - 1) * 25))!;

	beforeAll(async () => {
		const v1 = await versionOf();
		for (const [code, values] of plan) {
			const { tokens } = await analysisWithRespondents(database.db, coordinator, code, 3);
			for (let i = 0; i < tokens.length; i++) {
				for (const section of sections) {
					const r = await answerSection(database.db, tokens[i]!, v1.id, section, values[i]!);
					expect(r.ok).toBe(true);
				}
			}
		}
	});

	it('gives the member its own scores, the network as a distribution, and suppresses a small size class', async () => {
		const [row] = await database.db
			.select({ id: sql<string>`a.id` })
			.from(sql`analyses a join memberships m on m.id = a.membership_id`)
			.where(sql`m.municipality_code = '743' and m.season_id = ${seasonId}`);
		const analysis = (await findMunicipalityAnalysis(database.db, '743', row!.id))!;
		const results = await analysisResults(database.db, analysis);
		const own = memberMean([5, 4, 3]);
		for (const s of results.sections) {
			expect(s.own.score).toBeCloseTo(own, 9);
			expect(s.own.respondents).toBe(3);
			expect(s.own.spread).toMatchObject({ min: 50, max: 100, median: 75 });
		}
		expect(results.own.overall.score).toBeCloseTo(own, 9);

		// the network: only the six members with three respondents count (Vaala, Kajaani … have fewer)
		const expected = groupDistribution(plan.map(([, v]) => memberMean(v)));
		expect(expected.suppressed).toBe(false);
		for (const s of results.sections) {
			const d = s.groups.network.distribution;
			expect(d.suppressed).toBe(false);
			if (d.suppressed || expected.suppressed) continue;
			expect(d.n).toBe(6);
			expect(d.median).toBeCloseTo(expected.median, 9);
			expect(d.lowerQuartile).toBeCloseTo(expected.lowerQuartile, 9);
			expect(d.upperQuartile).toBeCloseTo(expected.upperQuartile, 9);
			expect(d.min).toBeCloseTo(expected.min, 9);
			expect(d.max).toBeCloseTo(expected.max, 9);
		}
		expect(results.overall.network.distribution.suppressed).toBe(false);

		// the size class: a group of fewer than five members is not shown at all
		const classes = await database.db
			.select({ code: municipalities.code, sizeClass: municipalities.sizeClass })
			.from(municipalities)
			.where(sql`${municipalities.code} in ('743','434','599','507','588','710')`);
		const same = classes.filter((c) => c.sizeClass === analysis.municipality.sizeClass).length;
		const sizeGroup = results.sections[0]!.groups.size_class.distribution;
		expect(sizeGroup.suppressed).toBe(same < 5);
		if (sizeGroup.suppressed) expect(Object.keys(sizeGroup)).toEqual(['suppressed']);
	});

	it('shows free text of its own analysis only', async () => {
		const v1 = await versionOf();
		const own = await analysisWithRespondents(database.db, coordinator, '140', 1);
		const other = await analysisWithRespondents(database.db, coordinator, '785', 0);
		const saved = await saveAnalysisAnswers(database.db, {
			token: own.tokens[0]!,
			sectionKey: sections[0]!.key,
			versionId: v1.id,
			submitted: new Map([[sections[0]!.questions[2]!, { kind: 'free_text', text: 'Oma huomio' }]])
		});
		expect(saved.ok).toBe(true);
		const texts = await freeTextAnswers(database.db, own.analysis.analysis.id, v1.id);
		expect(texts.map((t) => t.value)).toContainEqual({ kind: 'free_text', text: 'Oma huomio' });
		const others = await freeTextAnswers(database.db, other.analysis.analysis.id, v1.id);
		expect(others.map((t) => t.value)).not.toContainEqual({
			kind: 'free_text',
			text: 'Oma huomio'
		});
	});
});

describe('the network overview', () => {
	it('counts response rates per member and for the season, without answers', async () => {
		const rates = await seasonResponseRates(database.db, seasonId, 1);
		expect(rates.totals.members).toBeGreaterThanOrEqual(12);
		expect(rates.totals.opened).toBeGreaterThanOrEqual(6);
		expect(rates.totals.closed).toBeGreaterThanOrEqual(1);
		const vaasa = rates.rows.find((r) => r.code === '743')!;
		expect(vaasa).toMatchObject({ state: 'open', invited: 3, started: 3, complete: 3 });
		expect(Object.keys(vaasa)).not.toContain('answers');
	});

	it('gives distributions by size class and region from the same aggregates, suppressed under five', async () => {
		const v1 = await versionOf();
		const [bySize, byRegion, network] = await Promise.all([
			groupDistributions(database.db, { versionId: v1.id, seasonId, by: 'size_class' }),
			groupDistributions(database.db, { versionId: v1.id, seasonId, by: 'region' }),
			groupDistributions(database.db, { versionId: v1.id, seasonId, by: 'network' })
		]);
		expect(network.get('all')!.overall).toMatchObject({ suppressed: false, n: 6 });
		for (const groups of [bySize, byRegion]) {
			for (const g of groups.values()) {
				for (const d of [...g.sections.values(), g.overall]) {
					if (d.suppressed) expect(Object.keys(d)).toEqual(['suppressed']);
					else expect(d.n).toBeGreaterThanOrEqual(5);
				}
			}
		}
		// several groupings in one query give what each gives alone, and a size class's own
		// figures are those of the network filtered to it
		const together = await groupDistributionsBy(database.db, {
			versionId: v1.id,
			seasonId,
			by: ['network', 'size_class', 'region']
		});
		expect(together.get('network')).toEqual(network);
		expect(together.get('size_class')).toEqual(bySize);
		expect(together.get('region')).toEqual(byRegion);
		expect([...bySize.keys()].filter((k) => k !== 'null').length).toBeGreaterThan(1);
		for (const [sizeClass, groups] of bySize) {
			if (sizeClass === 'null') continue;
			const alone = await groupDistributions(database.db, {
				versionId: v1.id,
				seasonId,
				by: 'network',
				sizeClass: Number(sizeClass)
			});
			expect(alone.get('all')).toEqual(groups);
		}
	});

	it('exports each member’s scores, only of members with three respondents', async () => {
		const v1 = (await loadVersion(database.db, (await versionOf()).id))!;
		const table = await exportMemberScores(
			database.db,
			{ seasonId, title: 'USO 7', version: v1 },
			'fi'
		);
		expect(table.columns.map((c) => c.header)).toEqual([
			'Kuntanumero',
			'Kunta',
			'Kokoluokka',
			'Maakunta',
			'Strategia',
			'Osallisuus',
			'Talous',
			'Kokonaispisteet'
		]);
		expect(table.rows.map((r) => r[0]).sort()).toEqual(['434', '507', '588', '599', '710', '743']);
		const vaasa = table.rows.find((r) => r[0] === '743')!;
		expect(vaasa.slice(4)).toEqual([75, 75, 75, 75]);
	});
});

describe('isolation', () => {
	const user = (
		roles: SessionUser['roles'],
		id = '00000000-0000-4000-8000-000000000099'
	): SessionUser => ({
		id,
		email: 'x@example.fi',
		name: 'X',
		locale: 'fi',
		roles
	});

	it('finds an analysis only under its own municipality’s code', async () => {
		const { analysis } = await analysisWithRespondents(database.db, coordinator, '785', 0);
		const id = analysis.analysis.id;
		expect(await findMunicipalityAnalysis(database.db, '785', id)).not.toBeNull();
		expect(await findMunicipalityAnalysis(database.db, '205', id)).toBeNull();
	});

	it('lets the municipality’s people and its network’s staff in, and nobody else', async () => {
		const { analysis } = await analysisWithRespondents(database.db, coordinator, '785', 0);
		const networkId = analysis.season.networkId;
		const viewer = (u: SessionUser) => analysisViewer(database.db, u, analysis);
		expect(
			await viewer(user([{ role: 'contact_person', municipalityCode: '785', networkId: null }]))
		).toEqual({
			manage: true,
			freeText: true,
			summary: false
		});
		expect(
			await viewer(user([{ role: 'participant', municipalityCode: '785', networkId: null }]))
		).toEqual({
			manage: false,
			freeText: false,
			summary: false
		});
		expect(
			await viewer(user([{ role: 'coordinator', municipalityCode: null, networkId }]))
		).toEqual({
			manage: true,
			freeText: true,
			summary: true
		});
		// another municipality's contact person, another network's coordinator, an unassigned expert
		expect(
			await viewer(user([{ role: 'contact_person', municipalityCode: '205', networkId: null }]))
		).toBeNull();
		expect(
			await viewer(
				user([
					{
						role: 'coordinator',
						municipalityCode: null,
						networkId: '00000000-0000-4000-8000-000000000098'
					}
				])
			)
		).toBeNull();
		expect(await viewer(user([{ role: 'expert', municipalityCode: null, networkId }]))).toBeNull();
		expect(await viewer(user([]))).toBeNull();
	});

	it('a coordinator of another network cannot open a member’s analysis', async () => {
		const membership = await uso7Membership(database.db, '434');
		expect(
			await openAnalysis(database.db, coordinator, {
				code: '434',
				membershipId: membership.id,
				networkIds: ['00000000-0000-4000-8000-000000000098']
			})
		).toEqual({ ok: false, error: 'not_found' });
		// nor under another municipality's code
		expect(
			await openAnalysis(database.db, coordinator, {
				code: '785',
				membershipId: membership.id,
				networkIds: null
			})
		).toEqual({ ok: false, error: 'not_found' });
	});

	it('a respondent’s link shows only their own answers', async () => {
		const v1 = await versionOf();
		const a = await analysisWithRespondents(database.db, coordinator, '140', 2);
		await answerSection(database.db, a.tokens[0]!, v1.id, sections[0]!, 5);
		const other = (await viewAsRespondent(database.db, a.tokens[1]!))!;
		expect(other.answers.size).toBe(0);
		expect(other.invitation.municipality.code).toBe('140');
	});
});

/** Last: it deletes rows the stories above read. */
describe('the counts an analysis keeps', () => {
	it('reads the counts its analyses keep, which follow every invitation and response, deleted too', async () => {
		/** Each analysis's kept counts beside a count of its rows, where they differ. */
		const differing = async () =>
			(
				(await database.db.execute(sql`
					select a.id, a.invited_count, a.started_count, a.complete_count,
						(select count(*) from analysis_invitations i where i.analysis_id = a.id)::int as invited,
						(select count(*) from analysis_responses r where r.analysis_id = a.id)::int as started,
						(select count(*) from analysis_responses r where r.analysis_id = a.id and r.complete)::int as complete
					from analyses a`)) as unknown as {
					rows: Record<string, number | string>[];
				}
			).rows.filter(
				(r) =>
					r.invited_count !== r.invited ||
					r.started_count !== r.started ||
					r.complete_count !== r.complete
			);
		// the earlier stories invited, answered, changed and closed: the counts kept up
		const [counted] = (
			(await database.db.execute(
				sql`select count(*)::int as n from analyses where invited_count > 0 and complete_count > 0`
			)) as unknown as { rows: { n: number }[] }
		).rows;
		expect(counted!.n).toBeGreaterThan(0);
		expect(await differing()).toEqual([]);

		// a response no longer complete, a response taken away, an invitation taken away with its
		// response (the cascade), and a whole analysis with its own
		await database.db.execute(
			sql`update analysis_responses set complete = false
				where id = (select id from analysis_responses where complete order by id limit 1)`
		);
		await database.db.execute(
			sql`delete from analysis_responses where id = (select id from analysis_responses order by id limit 1)`
		);
		await database.db.execute(
			sql`delete from analysis_invitations where id = (
				select invitation_id from analysis_responses order by id desc limit 1)`
		);
		expect(await differing()).toEqual([]);
		const vaasa = (await seasonResponseRates(database.db, seasonId, 1)).rows.find(
			(r) => r.code === '743'
		)!;
		const [kept] = (
			(await database.db.execute(
				sql`select invited_count, started_count, complete_count from analyses where id = ${vaasa.analysisId}`
			)) as unknown as {
				rows: { invited_count: number; started_count: number; complete_count: number }[];
			}
		).rows;
		expect(vaasa).toMatchObject({
			invited: kept!.invited_count,
			started: kept!.started_count,
			complete: kept!.complete_count
		});
		await database.db.execute(sql`delete from analyses where id = ${vaasa.analysisId}`);
		expect(await differing()).toEqual([]);
	});
});
