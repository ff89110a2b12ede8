import {
	changeChart,
	placeChart,
	sectionsChart,
	type ChartModel
} from '$lib/domain/analysis/chart-model';
import type { GroupDistribution, Position } from '$lib/domain/analysis/distribution';
import { distributionText, scoreText, signedChange } from '$lib/domain/analysis/report';
import type { ScoreWithSpread } from '$lib/domain/analysis/scoring';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDate, formatNumber } from '$lib/i18n/format';
import { CONTENT_WIDTH, taggedPdf, type Cell } from '../documents/tagged-pdf';
import { GROUP_KINDS, type AnalysisReportModel } from './analysis-report';

/**
 * A municipality's situation analysis as a PDF for its board (ADR 027), in the report's
 * language: the facts (municipality, season, questionnaire version), the score rule, the
 * section and overall scores with the spread among its own respondents, the comparison with all
 * members and its size class as distributions (with the notice where a group has fewer than
 * five), the change from the previous season, and the expert's summary and recommendations.
 * The charts are the results page's chart models drawn as vectors; each is a Figure with
 * alternative text, and its figures are in a table beside it. Tagged like the invoices.
 */
export function renderAnalysisReportPdf(
	report: AnalysisReportModel,
	options: { now?: Date } = {}
): Promise<Buffer> {
	const locale = report.language;
	const t = serverTranslator(locale);
	const now = options.now ?? new Date();
	const n = (v: number) => formatNumber(locale, v);
	const score = (v: number | null | undefined) => scoreText(v, { n });
	const title = t('report.pdf.title', {
		municipality: report.municipality.name,
		season: report.season
	});
	const doc = taggedPdf({
		language: locale,
		title,
		subject: t('report.pdf.subject', {
			municipality: report.municipality.name,
			network: report.network.name,
			season: report.season
		}),
		author: report.network.name,
		now
	});

	doc.heading(title, 'H1');
	const labelWidth = 190;
	const fact = (label: string, value: string): Cell[] => [
		{ text: label, width: labelWidth, header: 'Row' },
		{ text: value, width: CONTENT_WIDTH - labelWidth }
	];
	doc.table([
		fact(t('report.pdf.municipality'), `${report.municipality.name} (${report.municipality.code})`),
		fact(t('report.pdf.season'), `${report.season} – ${report.network.name}`),
		fact(t('report.pdf.version'), n(report.analysis.versionNumber)),
		fact(t('report.pdf.state'), t(`analysis.state.${report.analysis.state}`)),
		fact(t('report.pdf.respondents'), n(report.respondents.withScore)),
		fact(
			t('report.pdf.sizeClass'),
			report.municipality.sizeClass === null ? '–' : n(report.municipality.sizeClass)
		),
		fact(t('report.pdf.made'), formatDate(locale, now))
	]);

	doc.heading(t('analysis.ruleHeading'), 'H2');
	for (const line of [
		t('analysis.rule.answer'),
		t('analysis.rule.respondent'),
		t('analysis.rule.municipality', { count: report.rule.minRespondents }),
		t('analysis.rule.overall'),
		t('analysis.rule.groups', { count: report.rule.minGroup })
	]) {
		doc.paragraph(`• ${line}`);
	}

	// Section scores: the radar (or bars), then the table of the same figures.
	doc.heading(t('analysis.sectionScores'), 'H2');
	const sectionsModel = sectionsChart(
		report.sections.map((s) => ({ title: s.title, score: s.own.score }))
	);
	const chartWidth = Math.min(CONTENT_WIDTH, 300);
	doc.figure(
		t('report.pdf.sectionsChartAlt', {
			scores: report.sections.map((s) => `${s.title} ${score(s.own.score)}`).join(', ')
		}),
		[{ model: sectionsModel, width: chartWidth }]
	);
	const spread = (own: ScoreWithSpread) =>
		own.spread
			? t('analysis.spreadText', {
					min: score(own.spread.min),
					q1: score(own.spread.lowerQuartile),
					median: score(own.spread.median),
					q3: score(own.spread.upperQuartile),
					max: score(own.spread.max)
				})
			: t('analysis.tooFewRespondents', { count: report.rule.minRespondents });
	const columns = [150, 55, 65, CONTENT_WIDTH - 270];
	const headerRow = (labels: string[], widths: number[], numeric: number[] = []): Cell[] =>
		labels.map((text, i) => ({
			text,
			width: widths[i]!,
			header: 'Column',
			align: numeric.includes(i) ? 'right' : 'left'
		}));
	const scoreRow = (label: string, own: ScoreWithSpread, bold = false): Cell[] => [
		{ text: label, width: columns[0]!, header: 'Row', bold },
		{ text: score(own.score), width: columns[1]!, align: 'right', bold },
		{ text: n(own.respondents), width: columns[2]!, align: 'right' },
		{
			text: own === report.overall.own && !own.spread ? '–' : spread(own),
			width: columns[3]!
		}
	];
	doc.table(
		[
			headerRow(
				[
					t('analysis.section'),
					t('analysis.score'),
					t('analysis.respondentsColumn'),
					t('analysis.spread')
				],
				columns,
				[1, 2]
			),
			...report.sections.map((s) => scoreRow(s.title, s.own)),
			scoreRow(t('analysis.overall'), report.overall.own, true)
		],
		{ header: true }
	);

	// The comparison with the network and the size class, as distributions only.
	doc.heading(t('analysis.comparison'), 'H2');
	doc.paragraph(t('analysis.comparisonIntro'));
	const rows = [
		...report.sections.map((s) => ({ title: s.title, own: s.own.score, groups: s.groups })),
		{ title: t('analysis.overall'), own: report.overall.own.score, groups: report.overall.groups }
	];
	const anySuppressed = rows.some((r) =>
		GROUP_KINDS.some((g) => r.groups[g].distribution.suppressed)
	);
	if (anySuppressed) {
		doc.paragraph(t('analysis.suppressedNotice', { count: report.rule.minGroup }), { bold: true });
	}
	const distribution = (d: GroupDistribution) => distributionText(d, { t, n });
	const place = (p: Position | null) => (p ? t(`analysis.position.${p}`) : '–');
	const compareColumns = [130, 50, CONTENT_WIDTH - 130 - 50 - 125, 125];
	for (const g of GROUP_KINDS) {
		const label =
			g === 'network'
				? t('analysis.group.network')
				: t('analysis.group.size_class', {
						sizeClass:
							report.municipality.sizeClass === null ? '–' : n(report.municipality.sizeClass)
					});
		doc.heading(label, 'H3');
		doc.table(
			[
				headerRow(
					[
						t('analysis.section'),
						t('analysis.score'),
						t('analysis.groupDistribution'),
						t('analysis.place')
					],
					compareColumns,
					[1]
				),
				...rows.map((r): Cell[] => [
					{ text: r.title, width: compareColumns[0]!, header: 'Row' },
					{ text: score(r.own), width: compareColumns[1]!, align: 'right' },
					{ text: distribution(r.groups[g].distribution), width: compareColumns[2]! },
					{ text: place(r.groups[g].position), width: compareColumns[3]! }
				])
			],
			{ header: true }
		);
		const drawn = rows.flatMap((r) => {
			const model = placeChart(r.groups[g].distribution, r.own);
			return model
				? [{ title: r.title, model, distribution: r.groups[g].distribution, own: r.own }]
				: [];
		});
		if (drawn.length > 0) {
			doc.figure(
				`${t('report.pdf.placeHeading', { group: label })}: ${drawn
					.map((d) =>
						d.distribution.suppressed
							? d.title
							: t('analysis.chart.placeAlt', {
									group: d.title,
									min: score(d.distribution.min),
									q1: score(d.distribution.lowerQuartile),
									median: score(d.distribution.median),
									q3: score(d.distribution.upperQuartile),
									max: score(d.distribution.max),
									own: score(d.own)
								})
					)
					.join('; ')}`,
				drawn.map((d) => ({
					model: d.model,
					width: CONTENT_WIDTH - 150,
					caption: d.title,
					captionWidth: 150
				}))
			);
		}
	}
	doc.paragraph(t('analysis.chartLegend'), { size: 8.5 });

	// The change from the previous season.
	if (report.change) {
		const change = report.change;
		doc.heading(t('report.change'), 'H2');
		doc.paragraph(
			t('report.changeIntro', { season: change.season, version: n(change.versionNumber) })
		);
		const changeColumns = [150, 70, 70, 60, CONTENT_WIDTH - 350];
		doc.table(
			[
				headerRow(
					[
						t('analysis.section'),
						t('report.previousScore', { season: change.season }),
						t('report.currentScore'),
						t('report.changeColumn'),
						''
					],
					changeColumns,
					[1, 2, 3]
				),
				...change.rows.map((r): Cell[] => [
					{ text: r.title, width: changeColumns[0]!, header: 'Row' },
					{
						text: r.comparable ? score(r.previous) : '–',
						width: changeColumns[1]!,
						align: 'right'
					},
					{
						text: r.comparable ? score(r.current) : '–',
						width: changeColumns[2]!,
						align: 'right'
					},
					{
						text: r.comparable ? signedChange(r.change) : '–',
						width: changeColumns[3]!,
						align: 'right'
					},
					{
						text: r.comparable ? '' : t(`report.notComparable.${r.reason}`),
						width: changeColumns[4]!
					}
				])
			],
			{ header: true }
		);
		const model: ChartModel = changeChart(
			change.rows.map((r) => ({
				title: r.title,
				previous: r.comparable ? r.previous : null,
				current: r.comparable ? r.current : null
			}))
		);
		doc.figure(
			t('report.changeChartAlt', {
				rows: change.rows
					.map((r) =>
						t('report.changeChartRow', {
							section: r.title,
							previous: r.comparable ? score(r.previous) : '–',
							current: r.comparable ? score(r.current) : '–'
						})
					)
					.join(', ')
			}),
			[{ model, width: Math.min(CONTENT_WIDTH, 400) }]
		);
		doc.paragraph(t('report.changeLegend'), { size: 8.5 });
	}

	// The expert's summary and recommendations.
	doc.heading(t('report.summary'), 'H2');
	if (report.summary) {
		for (const part of report.summary.text.split(/\n\s*\n/)) doc.paragraph(part.trim());
		doc.paragraph(
			t('report.summaryUpdated', {
				date: formatDate(locale, report.summary.updatedAt),
				name: report.summary.updatedBy ?? '–'
			}),
			{ size: 8.5 }
		);
	} else {
		doc.paragraph(t('report.noSummary'));
	}
	doc.heading(t('report.recommendations'), 'H2');
	if (report.recommendations.length === 0) doc.paragraph(t('report.noRecommendations'));
	report.recommendations.forEach((r, i) => {
		doc.heading(`${n(i + 1)}. ${r.title}`, 'H3');
		if (r.focusArea) doc.paragraph(t('report.focusArea', { area: r.focusArea }), { size: 9 });
		if (r.text.trim() !== '') doc.paragraph(r.text);
	});

	return doc.finish();
}
