import { db } from '$lib/server/db';
import { analysisReport } from '$lib/server/analysis/analysis-report';
import { renderAnalysisReportPdf } from '$lib/server/analysis/report-pdf';
import { reportLanguage } from '$lib/domain/analysis/report';
import { viewAnalysis } from '../../analysis.server';
import type { RequestHandler } from './$types';

/**
 * The board's PDF report of a municipality's analysis (ADR 027), for exactly those who see its
 * results page (viewAnalysis 'read'): in the municipality's language, in English with ?lang=en.
 */
export const GET: RequestHandler = async (event) => {
	const { analysis } = await viewAnalysis(event, 'read');
	const language = reportLanguage(
		analysis.municipality.languageStatus,
		event.url.searchParams.get('lang')
	);
	const report = await analysisReport(db(), analysis, language);
	const body = await renderAnalysisReportPdf(report);
	const filename = `tilanneanalyysi-${analysis.municipality.code}-${report.season
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')}-${language}.pdf`;
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
