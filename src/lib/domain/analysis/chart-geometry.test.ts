import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxPlotGeometry, radarGeometry, radarShape } from './chart-geometry';
import { groupDistribution } from './distribution';

const box = { width: 400, height: 300, labelSpace: 40 };

describe('radarGeometry', () => {
	it('starts straight up and goes clockwise, labels anchored away from the centre', () => {
		const g = radarGeometry(4, box);
		expect({ cx: g.cx, cy: g.cy, radius: g.radius }).toEqual({ cx: 200, cy: 150, radius: 110 });
		expect(g.axes).toEqual([
			{ x: 200, y: 40, labelX: 200, labelY: 30, anchor: 'middle', baseline: 'auto' },
			{ x: 310, y: 150, labelX: 320, labelY: 150, anchor: 'start', baseline: 'middle' },
			{ x: 200, y: 260, labelX: 200, labelY: 270, anchor: 'middle', baseline: 'hanging' },
			{ x: 90, y: 150, labelX: 80, labelY: 150, anchor: 'end', baseline: 'middle' }
		]);
		expect(g.rings[1]).toEqual({ score: 50, points: '200,95 255,150 200,205 145,150' });
	});

	it('refuses fewer than three axes, or no room inside the labels', () => {
		expect(() => radarGeometry(2, box)).toThrow(RangeError);
		expect(() => radarGeometry(5, { width: 60, height: 60, labelSpace: 40 })).toThrow(RangeError);
	});
});

describe('radarShape', () => {
	const g = radarGeometry(4, box);

	it('draws a polygon through the scores', () => {
		expect(radarShape(g, [100, 50, 0, 25]).points).toBe('200,40 255,150 200,150 172.5,150');
	});

	it('draws no polygon, only marks, when a section has no score', () => {
		const shape = radarShape(g, [100, null, 50, null]);
		expect(shape.points).toBeNull();
		expect(shape.marks).toEqual([
			{ axis: 0, x: 200, y: 40 },
			{ axis: 2, x: 200, y: 205 }
		]);
	});

	it('keeps every mark inside the radar', () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 3, max: 12 })
					.chain((n) =>
						fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: n, maxLength: n })
					),
				(scores) => {
					const geometry = radarGeometry(scores.length, box);
					for (const m of radarShape(geometry, scores).marks) {
						const d = Math.hypot(m.x - geometry.cx, m.y - geometry.cy);
						expect(d).toBeLessThanOrEqual(geometry.radius + 0.01);
					}
				}
			)
		);
	});
});

describe('boxPlotGeometry', () => {
	it('places the figures on the track, the own score among them', () => {
		expect(
			boxPlotGeometry(groupDistribution([0, 25, 50, 75, 100]), 60, { x: 10, width: 200 })
		).toEqual({ min: 10, lowerQuartile: 60, median: 110, upperQuartile: 160, max: 210, own: 130 });
	});

	it('draws nothing for a suppressed group', () => {
		expect(boxPlotGeometry(groupDistribution([10, 20]), 15, { x: 0, width: 100 })).toBeNull();
	});
});
