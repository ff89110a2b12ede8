import type { GroupDistribution } from './distribution';

/**
 * Geometry for the server-rendered SVG charts, so the components only draw: a radar of section
 * scores and a box plot of a group with the member's own score. Scores are 0–100; coordinates
 * are in the SVG's user units (y grows downwards), rounded to hundredths so the markup is short
 * and the same every time.
 */

const round = (n: number) => Math.round(n * 100) / 100 + 0; // + 0 turns -0 into 0
const pair = (x: number, y: number) => `${round(x)},${round(y)}`;

/** Fewer sections than this draw a line or a point, not an area: use bars instead. */
export const RADAR_MIN_AXES = 3;

export interface RadarAxis {
	/** End of the axis line (score 100). */
	x: number;
	y: number;
	/** Where its label goes, a little beyond the end, and how the text sits there. */
	labelX: number;
	labelY: number;
	anchor: 'start' | 'middle' | 'end';
	baseline: 'auto' | 'middle' | 'hanging';
}

export interface RadarGeometry {
	cx: number;
	cy: number;
	radius: number;
	/** One per section, the first straight up, then clockwise. */
	axes: RadarAxis[];
	/** Polygon points of the 25, 50, 75 and 100 rings. */
	rings: { score: number; points: string }[];
}

export function radarGeometry(
	axisCount: number,
	box: { width: number; height: number; labelSpace: number }
): RadarGeometry {
	if (!Number.isInteger(axisCount) || axisCount < RADAR_MIN_AXES) {
		throw new RangeError(`a radar needs ${RADAR_MIN_AXES} axes or more, not ${axisCount}`);
	}
	const cx = box.width / 2;
	const cy = box.height / 2;
	const radius = Math.min(cx, cy) - box.labelSpace;
	if (!(radius > 0)) throw new RangeError('no room for the radar inside its labels');
	const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / axisCount;
	const at = (i: number, r: number) => [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))];
	const axes = Array.from({ length: axisCount }, (_, i): RadarAxis => {
		const [x, y] = at(i, radius) as [number, number];
		const [labelX, labelY] = at(i, radius + box.labelSpace / 4) as [number, number];
		const cos = Math.cos(angle(i));
		const sin = Math.sin(angle(i));
		return {
			x: round(x),
			y: round(y),
			labelX: round(labelX),
			labelY: round(labelY),
			anchor: Math.abs(cos) < 0.01 ? 'middle' : cos > 0 ? 'start' : 'end',
			baseline: Math.abs(sin) < 0.01 ? 'middle' : sin < 0 ? 'auto' : 'hanging'
		};
	});
	const rings = [25, 50, 75, 100].map((score) => ({
		score,
		points: axes
			.map((_, i) => at(i, (radius * score) / 100) as [number, number])
			.map(([x, y]) => pair(x, y))
			.join(' ')
	}));
	return { cx, cy, radius, axes, rings };
}

export interface RadarShape {
	/** Polygon points through every score; null when a section has none (the table says so). */
	points: string | null;
	/** A mark per section with a score, so a lone score still shows. */
	marks: { axis: number; x: number; y: number }[];
}

export function radarShape(
	geometry: RadarGeometry,
	scores: readonly (number | null)[]
): RadarShape {
	if (scores.length !== geometry.axes.length) {
		throw new RangeError(`${scores.length} scores for ${geometry.axes.length} axes`);
	}
	const marks = scores.flatMap((score, axis) => {
		if (score === null) return [];
		const a = geometry.axes[axis]!;
		const t = Math.min(100, Math.max(0, score)) / 100;
		const x = round(geometry.cx + (a.x - geometry.cx) * t);
		const y = round(geometry.cy + (a.y - geometry.cy) * t);
		return [{ axis, x, y }];
	});
	const points =
		marks.length === scores.length ? marks.map((m) => `${m.x},${m.y}`).join(' ') : null;
	return { points, marks };
}

export interface BoxPlotGeometry {
	/** x of each figure on a track from `x` (score 0) to `x + width` (score 100). */
	min: number;
	lowerQuartile: number;
	median: number;
	upperQuartile: number;
	max: number;
	/** x of the member's own score; null without one. */
	own: number | null;
}

/** A group's box plot and the member's own mark; null for a suppressed group. */
export function boxPlotGeometry(
	group: GroupDistribution,
	own: number | null,
	track: { x: number; width: number }
): BoxPlotGeometry | null {
	if (group.suppressed) return null;
	const at = (score: number) =>
		round(track.x + (track.width * Math.min(100, Math.max(0, score))) / 100);
	return {
		min: at(group.min),
		lowerQuartile: at(group.lowerQuartile),
		median: at(group.median),
		upperQuartile: at(group.upperQuartile),
		max: at(group.max),
		own: own === null ? null : at(own)
	};
}
