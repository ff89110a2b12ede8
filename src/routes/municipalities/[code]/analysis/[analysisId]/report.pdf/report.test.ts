import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../../../tests/setup/test-db';
import { activeMembers, uso7 } from '../../../../../../../tests/factories/events';
import { coordinatorActor, uso7FocusAreas } from '../../../../../../../tests/factories/workshops';
import {
	analysisWithRespondents,
	answerSection,
	publishedQuestionnaire,
	withoutDemoAnalyses
} from '../../../../../../../tests/factories/analysis';
import {
	requestEvent,
	sessionUserOf,
	statusOf
} from '../../../../../../../tests/support/request-event';
import type { SessionUser } from '$lib/server/auth/session';
import { lendDatabase } from '$lib/server/db';
import { GET } from './+server';
import { load as summaryLoad } from '../summary/+page.server';
import { latestPublishedVersion } from '$lib/server/analysis/questionnaire-rows';
import { saveAnalysisSummary } from '$lib/server/analysis/save-analysis-summary';
import { saveAnalysisRecommendation } from '$lib/server/analysis/save-analysis-recommendation';
import { analysisReport } from '$lib/server/analysis/analysis-report';
import { findMunicipalityAnalysis } from '$lib/server/analysis/analysis-queries';
import { renderAnalysisReportPdf } from '$lib/server/analysis/report-pdf';

let database: TestDatabase | undefined;
let giveBack: (() => void) | undefined;

/**
 * The board's PDF report of Vaala's analysis (ADR 027): read by exactly those who see its
 * results — its contact person and participants and the network's coordinators — and refused
 * to another municipality's contact person, to one of Vaala's respondents (a person of the
 * municipality without a role there), to an expert not assigned to Vaala, and to anonymous
 * visitors. Its text, read back with pdftotext, names the municipality, the sections and the
 * scores, the comparison, the summary and the recommendations.
 */
const run = promisify(execFile);
const dirs: string[] = [];
let analysisId: string;
let respondentEmail: string;
const NOW = new Date('2024-05-20T09:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	giveBack = lendDatabase(database);
	const db = database.db;
	// the demo's USO 7 analyses are closed: this file publishes and answers its own
	await withoutDemoAnalyses(db);
	const coordinator = await coordinatorActor(db);
	const { seasonId } = await uso7(db);
	const sections = await publishedQuestionnaire(db, coordinator, seasonId);
	const version = (await latestPublishedVersion(db, seasonId))!;
	// Vaala and four other members, three respondents each, so the network's group has five
	const others = (await activeMembers(db)).filter((c) => c !== '785').slice(0, 4);
	const values: Record<string, number[]> = { '785': [4, 4, 5] };
	others.forEach((code, i) => (values[code] = [1 + (i % 3), 2 + (i % 3), 3]));
	for (const [code, answers] of Object.entries(values)) {
		const a = await analysisWithRespondents(db, coordinator, code, 3);
		for (const [i, token] of a.tokens.entries())
			for (const s of sections) await answerSection(db, token, version.id, s, answers[i]!);
		if (code === '785') {
			analysisId = a.analysis.analysis.id;
			respondentEmail = a.people[0]!.email;
		}
	}
	await saveAnalysisSummary(db, coordinator, {
		analysisId,
		text: 'Vaalan strategia ohjaa arkea hyvin.\n\nOsallisuudessa on kehitettävää.'
	});
	const [area] = await uso7FocusAreas(db);
	await saveAnalysisRecommendation(db, coordinator, {
		analysisId,
		seasonId,
		recommendationId: null,
		position: 1,
		title: 'Asukasraati talousarvion valmisteluun',
		text: 'Kuntalaiset mukaan talouden suunnitteluun.',
		focusAreaId: area!.id
	});
});
afterAll(async () => {
	giveBack?.();
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
	await database?.close();
});

const path785 = () => `/municipalities/785/analysis/${analysisId}/report.pdf`;
const get = (user: SessionUser | null, query = '') =>
	GET(requestEvent(user, `${path785()}${query}`, { code: '785', analysisId }));

async function textOf(bytes: Buffer): Promise<{ text: string; file: string }> {
	const dir = await mkdtemp(path.join(tmpdir(), 'verkosto-report-'));
	dirs.push(dir);
	const file = path.join(dir, 'report.pdf');
	await writeFile(file, bytes);
	const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
	return { text: stdout.replace(/\s+/g, ' '), file };
}

describe('the board’s PDF report', () => {
	it('is given to Vaala’s contact person and participant and to the coordinator', async () => {
		for (const email of [
			'yhteys-785@example.fi',
			'osallistuja-785@example.fi',
			'koordinaattori@example.fi'
		]) {
			const response = await get(await sessionUserOf(database!.db, email));
			expect(response.status, email).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			expect(response.headers.get('cache-control')).toBe('private, no-store');
		}
	});

	it('is refused to another member, a respondent, an unassigned expert and anonymous', async () => {
		const status = async (user: SessionUser | null) => statusOf(() => get(user));
		expect(await status(await sessionUserOf(database!.db, 'yhteys-205@example.fi'))).toBe(403);
		expect(await status(await sessionUserOf(database!.db, 'osallistuja-205@example.fi'))).toBe(403);
		expect(await status(await sessionUserOf(database!.db, respondentEmail))).toBe(403);
		expect(await status(await sessionUserOf(database!.db, 'erityisasiantuntija@example.fi'))).toBe(
			403
		);
		expect(await status(null)).toBe(303);
		// Vaala's analysis under Kajaani's code is simply not there
		const kajaani = await sessionUserOf(database!.db, 'yhteys-205@example.fi');
		expect(
			await statusOf(() =>
				GET(
					requestEvent(kajaani, `/municipalities/205/analysis/${analysisId}/report.pdf`, {
						code: '205',
						analysisId
					})
				)
			)
		).toBe(404);
	});

	it('shows Vaala, its sections and scores, the comparison, the summary and recommendations in Finnish', async () => {
		const response = await get(await sessionUserOf(database!.db, 'yhteys-785@example.fi'));
		const bytes = Buffer.from(await response.arrayBuffer());
		const { text, file } = await textOf(bytes);
		if (process.env.REPORT_PDF_OUT) await writeFile(process.env.REPORT_PDF_OUT, bytes);
		for (const expected of [
			'Tilanneanalyysi: Vaala, USO 7',
			'Strategia',
			'Osallisuus',
			'Talous',
			'Kokonaispisteet',
			// 4, 4 and 5 on the scale: (75 + 75 + 100) / 3 = 83 in every section and overall
			'Osallisuus 83 3',
			'Talous 83 3',
			'pienin 75, alakvartiili 75, mediaani 75, yläkvartiili 88, suurin 100',
			'Ryhmää, jossa on alle 5 kuntaa, joilla on pisteet, ei näytetä',
			'Kaikki jäsenkunnat',
			'5 kuntaa: mediaani',
			'Ei näytetä (alle viisi kuntaa)',
			'Vaalan strategia ohjaa arkea hyvin.',
			'Osallisuudessa on kehitettävää.',
			'1. Asukasraati talousarvion valmisteluun',
			'Kuntalaiset mukaan talouden suunnitteluun.'
		]) {
			expect(text).toContain(expected);
		}
		const { stdout } = await run('pdfinfo', [file]);
		expect(stdout).toMatch(/Tagged:\s+yes/);
		expect(stdout).toMatch(/Title:\s+Tilanneanalyysi: Vaala, USO 7/);
		const raw = bytes.toString('latin1');
		expect(raw).toContain('/Lang (fi-FI)');
		for (const type of ['H1', 'H2', 'H3', 'P', 'Table', 'TH', 'TD', 'Figure']) {
			expect(raw, type).toMatch(new RegExp(`/S /${type}\\b`));
		}
		expect(raw).toMatch(/\/Alt [(<]/);
		// the charts are vectors, not pictures
		expect(raw).not.toContain('/Subtype /Image');
	});

	it('is in English when asked for, and in Swedish for a Swedish reader', async () => {
		const response = await get(
			await sessionUserOf(database!.db, 'yhteys-785@example.fi'),
			'?lang=en'
		);
		const english = await textOf(Buffer.from(await response.arrayBuffer()));
		expect(english.text).toContain('Situation analysis: Vaala, USO 7');
		expect(english.text).toContain('Expert’s summary');
		const analysis = (await findMunicipalityAnalysis(database!.db, '785', analysisId))!;
		const swedish = await textOf(
			await renderAnalysisReportPdf(await analysisReport(database!.db, analysis, 'sv'), {
				now: NOW
			})
		);
		expect(swedish.text).toContain('Lägesanalys: Vaala, USO 7');
		expect(swedish.text).toContain('Alla medlemskommuner');
		expect(swedish.text).toContain('Rekommenderade teman för workshoppar');
	});
});

describe('the summary editor', () => {
	it('is for the network’s coordinator, and refused to the municipality, another member and anonymous', async () => {
		const status = async (email: string | null) =>
			statusOf(async () =>
				summaryLoad(
					requestEvent(
						email ? await sessionUserOf(database!.db, email) : null,
						`/municipalities/785/analysis/${analysisId}/summary`,
						{ code: '785', analysisId }
					)
				)
			);
		expect(await status('koordinaattori@example.fi')).toBe(200);
		// the municipality reads the summary on the results page, and writes none
		expect(await status('yhteys-785@example.fi')).toBe(403);
		expect(await status('osallistuja-785@example.fi')).toBe(403);
		expect(await status('yhteys-205@example.fi')).toBe(403);
		// an expert writes only once assigned to one of Vaala's workshops
		expect(await status('erityisasiantuntija@example.fi')).toBe(403);
		expect(await status(null)).toBe(303);
	});
});
