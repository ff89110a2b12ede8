import { describe, expect, it } from 'vitest';
import { currentOrLatestSeasons, seasonsInView } from './current-season';

const s = (networkId: string, startsOn: string, endsOn: string) => ({
	networkId,
	startsOn,
	endsOn
});

describe('choosing the seasons to show', () => {
	it('takes every running season of a network, else the latest begun, else the next', () => {
		const rows = [
			s('a', '2023-01-01', '2024-12-31'),
			s('a', '2024-06-01', '2025-12-31'),
			s('b', '2020-01-01', '2021-12-31'),
			s('b', '2022-01-01', '2023-06-30'),
			s('c', '2030-01-01', '2031-12-31'),
			s('c', '2029-01-01', '2029-12-31')
		];
		// newest first
		expect(currentOrLatestSeasons(rows, '2024-07-01')).toEqual([
			s('c', '2029-01-01', '2029-12-31'),
			s('a', '2024-06-01', '2025-12-31'),
			s('a', '2023-01-01', '2024-12-31'),
			s('b', '2022-01-01', '2023-06-30')
		]);
		expect(currentOrLatestSeasons([], '2024-07-01')).toEqual([]);
	});

	it('adds to the current seasons every season still to begin, each once', () => {
		const rows = [
			s('a', '2023-01-01', '2024-12-31'),
			s('a', '2025-01-01', '2026-12-31'),
			s('a', '2021-01-01', '2022-12-31'),
			s('c', '2030-01-01', '2031-12-31'),
			s('c', '2029-01-01', '2029-12-31')
		];
		expect(seasonsInView(rows, '2024-07-01')).toEqual([
			s('c', '2030-01-01', '2031-12-31'),
			s('c', '2029-01-01', '2029-12-31'),
			s('a', '2025-01-01', '2026-12-31'),
			s('a', '2023-01-01', '2024-12-31')
		]);
		// between seasons: the one that ended last and the next
		expect(seasonsInView(rows.slice(0, 3), '2024-12-31')).toEqual([
			s('a', '2025-01-01', '2026-12-31'),
			s('a', '2023-01-01', '2024-12-31')
		]);
		expect(seasonsInView([], '2024-07-01')).toEqual([]);
	});
});
