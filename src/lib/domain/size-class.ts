/**
 * Statistics Finland's population size groups. A municipality's size class is the group its
 * population falls in; class 1 is the smallest.
 */
export const SIZE_CLASSES = [
	{ class: 1, min: 0, max: 999 },
	{ class: 2, min: 1_000, max: 2_999 },
	{ class: 3, min: 3_000, max: 4_999 },
	{ class: 4, min: 5_000, max: 6_999 },
	{ class: 5, min: 7_000, max: 8_999 },
	{ class: 6, min: 9_000, max: 11_999 },
	{ class: 7, min: 12_000, max: 19_999 },
	{ class: 8, min: 20_000, max: 49_999 },
	{ class: 9, min: 50_000, max: 99_999 },
	{ class: 10, min: 100_000, max: null }
] as const;

export type SizeClass = (typeof SIZE_CLASSES)[number]['class'];

export function isSizeClass(n: number): n is SizeClass {
	return Number.isInteger(n) && n >= 1 && n <= SIZE_CLASSES.length;
}

export function sizeClassOf(population: number): SizeClass {
	if (!Number.isInteger(population) || population < 0) {
		throw new RangeError(`A population is a whole number ≥ 0, not ${population}`);
	}
	for (let i = SIZE_CLASSES.length - 1; i >= 0; i--) {
		const group = SIZE_CLASSES[i]!;
		if (population >= group.min) return group.class;
	}
	return 1;
}

export function sizeClassBounds(sizeClass: SizeClass): { min: number; max: number | null } {
	const group = SIZE_CLASSES[sizeClass - 1]!;
	return { min: group.min, max: group.max };
}
