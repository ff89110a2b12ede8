import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeChart, placeChart, sectionsChart, shortTitle, svgPoints } from './chart-model';
import { groupDistribution } from './distribution';

const inside = (model: { width: number; height: number; shapes: unknown[] }) =>
	(model.shapes as { kind: string; x?: number; y?: number; points?: [number, number][] }[]).every(
		(s) =>
			s.kind === 'text' ||
			(s.points ?? [[s.x ?? 0, s.y ?? 0]]).every(
				([x, y]) => x >= -8 && x <= model.width + 8 && y >= -8 && y <= model.height + 8
			)
	);

describe('sectionsChart', () => {
	it('draws a radar from three sections: four rings, an axis and a label each, the area and marks', () => {
		const model = sectionsChart([
			{ title: 'Strategia', score: 50 },
			{ title: 'Osallisuus', score: 75 },
			{ title: 'Talous', score: 100 }
		]);
		const kinds = model.shapes.map((s) => s.kind);
		expect(kinds.filter((k) => k === 'polygon')).toHaveLength(5);
		expect(kinds.filter((k) => k === 'line')).toHaveLength(3);
		expect(
			model.shapes.filter((s) => s.kind === 'text').map((s) => s.kind === 'text' && s.text)
		).toEqual(['Strategia', 'Osallisuus', 'Talous']);
		expect(kinds.filter((k) => k === 'rect')).toHaveLength(3);
	});

	it('leaves the area out but keeps the marks when a section has no score', () => {
		const model = sectionsChart([
			{ title: 'A', score: 50 },
			{ title: 'B', score: null },
			{ title: 'C', score: 10 }
		]);
		expect(model.shapes.filter((s) => s.kind === 'polygon')).toHaveLength(4);
		expect(model.shapes.filter((s) => s.kind === 'rect')).toHaveLength(2);
	});

	it('draws bars below three sections, as long as the score', () => {
		const model = sectionsChart([
			{ title: 'A', score: 40 },
			{ title: 'B', score: null }
		]);
		const filled = model.shapes.filter((s) => s.kind === 'rect' && s.fill !== null);
		expect(filled).toEqual([expect.objectContaining({ x: 200, width: 120 })]);
		expect(model.height).toBe(90);
	});

	it('keeps every shape inside its box, whatever the scores', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true })), {
					minLength: 1,
					maxLength: 12
				}),
				(scores) => {
					const model = sectionsChart(scores.map((score, i) => ({ title: `S${i}`, score })));
					expect(inside(model)).toBe(true);
				}
			)
		);
	});
});

describe('placeChart', () => {
	const group = groupDistribution([10, 20, 30, 40, 50]);

	it('draws nothing for a suppressed group', () => {
		expect(placeChart(groupDistribution([10, 20, 30, 40]), 25)).toBeNull();
	});

	it('draws the box between the quartiles and the own score as a diamond', () => {
		const model = placeChart(group, 45)!;
		const box = model.shapes.find((s) => s.kind === 'rect');
		expect(box).toMatchObject({ x: 90, width: 80 });
		const diamond = model.shapes.find((s) => s.kind === 'polygon');
		expect(diamond && diamond.kind === 'polygon' && svgPoints(diamond.points)).toBe(
			'190,4 197,18 190,32 183,18'
		);
	});

	it('has no diamond without an own score', () => {
		expect(placeChart(group, null)!.shapes.some((s) => s.kind === 'polygon')).toBe(false);
	});
});

describe('changeChart', () => {
	it('draws the earlier season outlined and the current one filled, per section', () => {
		const model = changeChart([
			{ title: 'Strategia', previous: 50, current: 75 },
			{ title: 'Talous', previous: null, current: 40 }
		]);
		const bars = model.shapes.filter((s) => s.kind === 'rect');
		expect(bars).toEqual([
			expect.objectContaining({ width: 150, fill: '#ffffff', stroke: '#1a1a1a' }),
			expect.objectContaining({ width: 225, fill: '#0b5394' }),
			expect.objectContaining({ width: 120, fill: '#0b5394' })
		]);
		expect(inside(model)).toBe(true);
	});
});

describe('shortTitle', () => {
	it('keeps a short title and cuts a long one with an ellipsis', () => {
		expect(shortTitle('Talous')).toBe('Talous');
		expect(shortTitle('x'.repeat(40))).toBe(`${'x'.repeat(27)}…`);
	});
});
