import {
	boxPlotGeometry,
	radarGeometry,
	radarShape,
	RADAR_MIN_AXES,
	type RadarAxis
} from './chart-geometry';
import type { GroupDistribution } from './distribution';

/**
 * The situation analysis's charts as plain shapes in a box (ADR 027): the results page draws
 * them as SVG and the board's PDF report draws the same shapes as PDF vectors, so the page and
 * the paper cannot disagree. Coordinates are user units with y growing downwards, scores 0–100.
 * A score is marked by a shape as well as a colour, and every chart has its figures in a table
 * beside it.
 */

export const CHART_COLOURS = {
	own: '#0b5394',
	grid: '#767676',
	ink: '#1a1a1a',
	box: '#d9d9d9',
	paper: '#ffffff'
} as const;

export type TextAnchor = RadarAxis['anchor'];
export type TextBaseline = RadarAxis['baseline'];

export type ChartShape =
	| {
			kind: 'polygon';
			points: readonly (readonly [number, number])[];
			fill: string | null;
			fillOpacity: number;
			stroke: string | null;
			strokeWidth: number;
	  }
	| {
			kind: 'line';
			x1: number;
			y1: number;
			x2: number;
			y2: number;
			stroke: string;
			strokeWidth: number;
	  }
	| {
			kind: 'rect';
			x: number;
			y: number;
			width: number;
			height: number;
			fill: string | null;
			stroke: string | null;
			strokeWidth: number;
	  }
	| {
			kind: 'text';
			x: number;
			y: number;
			text: string;
			anchor: TextAnchor;
			baseline: TextBaseline;
			size: number;
			fill: string;
	  };

export interface ChartModel {
	width: number;
	height: number;
	shapes: ChartShape[];
}

const line = (
	x1: number,
	y1: number,
	x2: number,
	y2: number,
	stroke: string = CHART_COLOURS.grid,
	strokeWidth = 1
): ChartShape => ({ kind: 'line', x1, y1, x2, y2, stroke, strokeWidth });

const rect = (
	x: number,
	y: number,
	width: number,
	height: number,
	style: { fill?: string | null; stroke?: string | null; strokeWidth?: number }
): ChartShape => ({
	kind: 'rect',
	x,
	y,
	width,
	height,
	fill: style.fill ?? null,
	stroke: style.stroke ?? null,
	strokeWidth: style.strokeWidth ?? 1
});

const text = (
	x: number,
	y: number,
	value: string,
	anchor: TextAnchor = 'start',
	baseline: TextBaseline = 'auto',
	size = 13
): ChartShape => ({
	kind: 'text',
	x,
	y,
	text: value,
	anchor,
	baseline,
	size,
	fill: CHART_COLOURS.ink
});

const parsePoints = (points: string) =>
	points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);

/** A title shortened to fit beside a chart; the full title is in the table. */
export function shortTitle(title: string, max = 28): string {
	return title.length > max ? `${title.slice(0, max - 1)}…` : title;
}

/**
 * The municipality's section scores: a radar from three sections on (rings at 25, 50, 75 and
 * 100, a square mark per score), bars below three.
 */
export function sectionsChart(
	sections: readonly { title: string; score: number | null }[]
): ChartModel {
	if (sections.length >= RADAR_MIN_AXES) {
		const width = 520;
		const height = 420;
		const g = radarGeometry(sections.length, { width, height, labelSpace: 90 });
		const shape = radarShape(
			g,
			sections.map((s) => s.score)
		);
		const shapes: ChartShape[] = g.rings.map((ring) => ({
			kind: 'polygon',
			points: parsePoints(ring.points),
			fill: null,
			fillOpacity: 1,
			stroke: CHART_COLOURS.grid,
			strokeWidth: 1
		}));
		g.axes.forEach((axis, i) => {
			shapes.push(line(g.cx, g.cy, axis.x, axis.y));
			shapes.push(
				text(axis.labelX, axis.labelY, shortTitle(sections[i]!.title), axis.anchor, axis.baseline)
			);
		});
		if (shape.points) {
			shapes.push({
				kind: 'polygon',
				points: parsePoints(shape.points),
				fill: CHART_COLOURS.own,
				fillOpacity: 0.2,
				stroke: CHART_COLOURS.own,
				strokeWidth: 2
			});
		}
		for (const mark of shape.marks) {
			shapes.push(rect(mark.x - 4, mark.y - 4, 8, 8, { fill: CHART_COLOURS.own }));
		}
		return { width, height, shapes };
	}
	const shapes = sections.flatMap((s, i): ChartShape[] => [
		text(0, i * 40 + 24, shortTitle(s.title)),
		rect(200, i * 40 + 10, 300, 20, { stroke: CHART_COLOURS.grid }),
		...(s.score === null
			? []
			: [rect(200, i * 40 + 10, 3 * clamp(s.score), 20, { fill: CHART_COLOURS.own })])
	]);
	return { width: 520, height: sections.length * 40 + 10, shapes };
}

const clamp = (score: number) => Math.min(100, Math.max(0, score));

/**
 * A group's distribution as a box plot — range as a whisker, quartiles as a box, the median as
 * a thick line — on a 0–100 track with ticks, and the municipality's own score as a diamond.
 * Null for a suppressed group: nothing is drawn (the page says why).
 */
export function placeChart(group: GroupDistribution, own: number | null): ChartModel | null {
	const g = boxPlotGeometry(group, own, { x: 10, width: 400 });
	if (!g) return null;
	const shapes: ChartShape[] = [line(10, 38, 410, 38)];
	for (const tick of [0, 25, 50, 75, 100]) shapes.push(line(10 + tick * 4, 35, 10 + tick * 4, 41));
	shapes.push(line(g.min, 18, g.max, 18, CHART_COLOURS.ink));
	shapes.push(
		rect(g.lowerQuartile, 8, Math.max(1, g.upperQuartile - g.lowerQuartile), 20, {
			fill: CHART_COLOURS.box,
			stroke: CHART_COLOURS.ink
		})
	);
	shapes.push(line(g.median, 8, g.median, 28, CHART_COLOURS.ink, 3));
	if (g.own !== null) {
		shapes.push({
			kind: 'polygon',
			points: [
				[g.own, 4],
				[g.own + 7, 18],
				[g.own, 32],
				[g.own - 7, 18]
			],
			fill: CHART_COLOURS.own,
			fillOpacity: 1,
			stroke: CHART_COLOURS.paper,
			strokeWidth: 1.5
		});
	}
	return { width: 420, height: 44, shapes };
}

/**
 * The season-to-season change per section: for each section a pair of bars, the earlier
 * season's outlined and the current one's filled (so the two differ by more than colour),
 * with a scale of 0–100 beneath. A section without a comparable pair gets its title only.
 */
export function changeChart(
	rows: readonly { title: string; previous: number | null; current: number | null }[]
): ChartModel {
	const rowHeight = 44;
	const left = 200;
	const track = 300;
	const shapes: ChartShape[] = [];
	rows.forEach((r, i) => {
		const top = i * rowHeight + 6;
		shapes.push(text(0, top + 20, shortTitle(r.title)));
		if (r.previous !== null) {
			shapes.push(
				rect(left, top, Math.max(1, (track * clamp(r.previous)) / 100), 14, {
					fill: CHART_COLOURS.paper,
					stroke: CHART_COLOURS.ink
				})
			);
		}
		if (r.current !== null) {
			shapes.push(
				rect(left, top + 18, Math.max(1, (track * clamp(r.current)) / 100), 14, {
					fill: CHART_COLOURS.own
				})
			);
		}
	});
	const axis = rows.length * rowHeight + 8;
	shapes.push(line(left, axis, left + track, axis));
	for (const tick of [0, 25, 50, 75, 100]) {
		const x = left + (track * tick) / 100;
		shapes.push(line(x, axis - 3, x, axis + 3));
		shapes.push(text(x, axis + 6, String(tick), 'middle', 'hanging', 11));
	}
	return { width: 520, height: axis + 22, shapes };
}

/** SVG `points` of a polygon shape. */
export const svgPoints = (points: readonly (readonly [number, number])[]) =>
	points.map(([x, y]) => `${x},${y}`).join(' ');
