import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { uso7 } from '../../../../tests/factories/events';
import {
	contactOf,
	coordinatorActor,
	uso7FocusAreas,
	withoutDemoWorkshops,
	workshopRow
} from '../../../../tests/factories/workshops';
import {
	analysisWithRespondents,
	answerSection,
	publishedQuestionnaire,
	scaleQuestion,
	withoutDemoAnalyses
} from '../../../../tests/factories/analysis';
import { auditLog, memberships, seasons, networks } from '../db/schema';
import type { Actor } from '../actor';
import { saveAnalysisSummary } from './save-analysis-summary';
import { saveAnalysisRecommendation } from './save-analysis-recommendation';
import { removeAnalysisRecommendation } from './remove-analysis-recommendation';
import { proposeRecommendedWorkshop } from './propose-recommended-workshop';
import { analysisSummary } from './analysis-summary';
import { copyPreviousQuestionnaire } from './copy-previous-questionnaire';
import { publishAnalysisVersion } from './publish-analysis-version';
import { latestPublishedVersion, loadVersion } from './questionnaire-rows';
import { openAnalysis } from './open-analysis';
import { findMunicipalityAnalysis } from './analysis-queries';
import { analysisResults } from './analysis-results';
import { seasonComparison } from './season-change';
import { inviteRespondents } from './invite-respondents';
import { saveAnalysisQuestion } from './save-analysis-question';
import { createUser } from '../users/create-user';
import { systemActor } from '../actor';
import { mailedToken } from '../../../../tests/factories/analysis';
import { cancelWorkshop } from '../workshops/cancel-workshop';

/**
 * The expert's summary and recommendations (ADR 027), a recommendation becoming the
 * municipality's workshop proposal, and the change from the previous season, on the demo data.
 */
let database: TestDatabase;
let coordinator: Actor;
let seasonId: string;
let sections: { key: string; questions: string[] }[];
const NOW = new Date('2024-03-01T10:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoWorkshops(database.db);
	await withoutDemoAnalyses(database.db);
	coordinator = await coordinatorActor(database.db);
	seasonId = (await uso7(database.db)).seasonId;
	sections = await publishedQuestionnaire(database.db, coordinator, seasonId);
});
afterAll(() => database?.close());

const auditOf = (entityId: string) =>
	database.db
		.select()
		.from(auditLog)
		.where(eq(auditLog.entityId, entityId))
		.orderBy(asc(auditLog.id));

describe('the expert’s summary', () => {
	it('is saved over, audited with before and after, and removed by a blank text', async () => {
		const { analysis } = await analysisWithRespondents(database.db, coordinator, '785', 0);
		const id = analysis.analysis.id;
		expect(
			await saveAnalysisSummary(database.db, coordinator, { analysisId: id, text: ' Hyvä alku. ' })
		).toEqual({ ok: true, change: 'saved' });
		expect(
			await saveAnalysisSummary(database.db, coordinator, { analysisId: id, text: 'Hyvä alku.' })
		).toEqual({ ok: true, change: 'unchanged' });
		await saveAnalysisSummary(database.db, coordinator, {
			analysisId: id,
			text: 'Strategia elää.'
		});
		expect((await analysisSummary(database.db, id)).summary).toMatchObject({
			text: 'Strategia elää.',
			updatedBy: expect.any(String)
		});
		const audit = (await auditOf(id)).filter((a) => a.action === 'analysis.summary');
		expect(audit.map((a) => [a.before, a.after])).toEqual([
			[null, { summary: 'Hyvä alku.' }],
			[{ summary: 'Hyvä alku.' }, { summary: 'Strategia elää.' }]
		]);
		expect(
			await saveAnalysisSummary(database.db, coordinator, { analysisId: id, text: '  ' })
		).toEqual({ ok: true, change: 'removed' });
		expect((await analysisSummary(database.db, id)).summary).toBeNull();
	});
});

describe('recommendations', () => {
	it('are listed in order with their focus area, edited and removed within their analysis only', async () => {
		const { analysis } = await analysisWithRespondents(database.db, coordinator, '205', 0);
		const other = await analysisWithRespondents(database.db, coordinator, '140', 0);
		const id = analysis.analysis.id;
		const [area] = await uso7FocusAreas(database.db);
		const base = { analysisId: id, seasonId, recommendationId: null, text: '', focusAreaId: null };
		const second = await saveAnalysisRecommendation(database.db, coordinator, {
			...base,
			position: 2,
			title: 'Osallisuus'
		});
		const first = await saveAnalysisRecommendation(database.db, coordinator, {
			...base,
			position: 1,
			title: 'Strategia',
			text: 'Strategia johtamisen välineeksi.',
			focusAreaId: area!.id
		});
		if (!first.ok || !second.ok) throw new Error('not saved');
		const listed = await analysisSummary(database.db, id);
		expect(listed.recommendations.map((r) => [r.title, r.focusArea?.fi ?? null])).toEqual([
			['Strategia', area!.textFi],
			['Osallisuus', null]
		]);
		// edited under another analysis's id: not found, nothing written
		expect(
			await saveAnalysisRecommendation(database.db, coordinator, {
				...base,
				analysisId: other.analysis.analysis.id,
				recommendationId: first.id,
				position: 1,
				title: 'Kaapattu'
			})
		).toEqual({ ok: false, error: 'not_found' });
		expect(
			await removeAnalysisRecommendation(database.db, coordinator, {
				analysisId: other.analysis.analysis.id,
				recommendationId: first.id
			})
		).toEqual({ ok: false, error: 'not_found' });
		// a focus area of another season is refused
		expect(
			await saveAnalysisRecommendation(database.db, coordinator, {
				...base,
				position: 3,
				title: 'Väärä',
				focusAreaId: '00000000-0000-4000-8000-000000000001'
			})
		).toEqual({ ok: false, error: 'fields', fields: { focusAreaId: 'invalidChoice' } });
		expect(
			await saveAnalysisRecommendation(database.db, coordinator, {
				...base,
				recommendationId: second.id,
				position: 3,
				title: 'Osallisuus ja asukkaat'
			})
		).toEqual({ ok: true, id: second.id });
		expect(
			await removeAnalysisRecommendation(database.db, coordinator, {
				analysisId: id,
				recommendationId: first.id
			})
		).toEqual({ ok: true });
		expect((await analysisSummary(database.db, id)).recommendations.map((r) => r.title)).toEqual([
			'Osallisuus ja asukkaat'
		]);
		expect((await auditOf(first.id)).map((a) => a.action)).toEqual([
			'analysis.recommendation.add',
			'analysis.recommendation.remove'
		]);
	});

	it('becomes the contact person’s workshop proposal once, with the link kept', async () => {
		const { analysis, membership } = await analysisWithRespondents(
			database.db,
			coordinator,
			'785',
			0
		);
		const [area] = await uso7FocusAreas(database.db);
		const saved = await saveAnalysisRecommendation(database.db, coordinator, {
			analysisId: analysis.analysis.id,
			seasonId,
			recommendationId: null,
			position: 1,
			title: 'Strategian jalkauttaminen',
			text: 'Johtoryhmä tarvitsee yhteisen toimeenpanosuunnitelman.',
			focusAreaId: area!.id
		});
		if (!saved.ok) throw new Error('not saved');
		const { actor } = await contactOf(database.db, '785');
		const input = {
			analysisId: analysis.analysis.id,
			membershipId: membership.id,
			municipalityCode: '785',
			recommendationId: saved.id
		};
		const proposed = await proposeRecommendedWorkshop(database.db, actor, input, NOW);
		if (!proposed.ok) throw new Error(`not proposed: ${proposed.error}`);
		expect(await workshopRow(database.db, proposed.workshopId)).toMatchObject({
			state: 'proposed',
			goal: 'Strategian jalkauttaminen',
			need: 'Johtoryhmä tarvitsee yhteisen toimeenpanosuunnitelman.',
			focusAreaId: area!.id,
			recommendationId: saved.id,
			extra: false
		});
		// a second press proposes nothing
		expect(await proposeRecommendedWorkshop(database.db, actor, input, NOW)).toEqual({
			ok: false,
			error: 'already_proposed'
		});
		expect(
			(await analysisSummary(database.db, analysis.analysis.id)).recommendations[0]!.workshop
		).toEqual({ id: proposed.workshopId, state: 'proposed' });
		// once the workshop is cancelled, the recommendation can be proposed again
		const cancelled = await cancelWorkshop(
			database.db,
			actor,
			{ role: 'contact_person', municipalityCode: '785' },
			{ workshopId: proposed.workshopId, by: 'municipality', reason: 'Aikataulu ei sovi' },
			NOW
		);
		expect(cancelled.ok).toBe(true);
		const again = await proposeRecommendedWorkshop(database.db, actor, input, NOW);
		expect(again.ok).toBe(true);
		// under another municipality's membership it is not found
		const other = await database.db
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.seasonId, seasonId), eq(memberships.municipalityCode, '205')));
		expect(
			await proposeRecommendedWorkshop(
				database.db,
				(await contactOf(database.db, '205')).actor,
				{ ...input, membershipId: other[0]!.id, municipalityCode: '205' },
				NOW
			)
		).toEqual({ ok: false, error: 'not_found' });
	});
});

async function uso8() {
	const [row] = await database.db
		.select({ id: seasons.id })
		.from(seasons)
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(and(eq(networks.slug, 'uso'), eq(seasons.number, 8)));
	return row!.id;
}

async function respondents(analysisId: string, code: string, count: number) {
	const analysis = (await findMunicipalityAnalysis(database.db, code, analysisId))!;
	const people = [];
	for (let i = 0; i < count; i++) {
		people.push(
			await createUser(database.db, systemActor, {
				email: `kausi-${code}-${analysisId.slice(0, 6)}-${i}@example.fi`,
				name: `Kausivastaaja ${i}`,
				municipalityCode: code
			})
		);
	}
	await inviteRespondents(database.db, coordinator, {
		analysis,
		personIds: people.map((p) => p.id),
		origin: 'http://localhost:3000'
	});
	const tokens = [];
	for (const p of people) tokens.push(await mailedToken(database.db, p.email));
	return { analysis, tokens };
}

describe('the change from the previous season', () => {
	it('compares the sections carried into the next season, and not one scored differently', async () => {
		// USO 7: Kajaani's three respondents answer 3 (50) in every section
		const v7 = (await latestPublishedVersion(database.db, seasonId))!;
		const seven = await respondents(
			(await analysisWithRespondents(database.db, coordinator, '205', 0)).analysis.analysis.id,
			'205',
			3
		);
		for (const token of seven.tokens)
			for (const s of sections) await answerSection(database.db, token, v7.id, s, 3);

		// USO 8 starts from USO 7's questionnaire; Talous gets a new scored question
		const season8 = await uso8();
		expect(
			await copyPreviousQuestionnaire(database.db, coordinator, {
				seasonId: season8,
				networkIds: null
			})
		).toEqual({ ok: true, seasonNumber: 7 });
		expect(
			await copyPreviousQuestionnaire(database.db, coordinator, {
				seasonId: season8,
				networkIds: null
			})
		).toEqual({ ok: false, error: 'not_empty' });
		const added = await saveAnalysisQuestion(database.db, coordinator, {
			seasonId: season8,
			sectionKey: sections[2]!.key,
			questionKey: null,
			...scaleQuestion('Talous: väite 3')
		});
		expect(added.ok).toBe(true);
		expect((await publishAnalysisVersion(database.db, coordinator, season8)).ok).toBe(true);
		const v8 = (await latestPublishedVersion(database.db, season8))!;
		const loaded = (await loadVersion(database.db, v8.id))!;
		expect(loaded.questionnaire.sections.map((s) => s.key)).toEqual(sections.map((s) => s.key));

		const [membership8] = await database.db
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.seasonId, season8), eq(memberships.municipalityCode, '205')));
		const opened = await openAnalysis(database.db, coordinator, {
			code: '205',
			membershipId: membership8!.id,
			networkIds: null
		});
		if (!opened.ok) throw new Error(opened.error);
		const eight = await respondents(opened.analysisId, '205', 3);
		for (const token of eight.tokens) {
			for (const s of sections.slice(0, 2)) await answerSection(database.db, token, v8.id, s, 4);
		}
		const results = await analysisResults(database.db, eight.analysis);
		const change = await seasonComparison(database.db, eight.analysis, results);
		expect(change?.previous).toEqual({ seasonNumber: 7, versionNumber: 1 });
		expect(change?.sections).toEqual([
			{ section: sections[0]!.key, comparable: true, previous: 50, current: 75, change: 25 },
			{ section: sections[1]!.key, comparable: true, previous: 50, current: 75, change: 25 },
			{ section: sections[2]!.key, comparable: false, reason: 'scored_differently' }
		]);
		// USO 7's own results have no earlier season
		expect(
			await seasonComparison(
				database.db,
				seven.analysis,
				await analysisResults(database.db, seven.analysis)
			)
		).toBeNull();
	});
});
