import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ATTENDANCE_GROUPS,
	groupsOf,
	mayAttendOnSite,
	POSITIONS,
	type AttendanceGroup
} from './positions';

const vaala: AttendanceGroup[] = ['board', 'council_presidium', 'management_team'];

describe('on-site attendance by position (Vaala’s decision)', () => {
	it.each([
		[['board_member'], true],
		[['council_chair'], true],
		[['council_vice_chair'], true],
		[['management_team_member'], true],
		[['administrative_director', 'contact_person'], true],
		[['council_member'], false],
		[['developer'], false],
		[['other'], false],
		[[], false]
	] as const)('%j may attend: %s', (positions, expected) => {
		expect(mayAttendOnSite(positions, vaala)).toBe(expected);
	});

	it('admits nobody when the decision names no group', () => {
		fc.assert(
			fc.property(fc.subarray([...POSITIONS]), (positions) => {
				expect(mayAttendOnSite(positions, [])).toBe(false);
			})
		);
	});

	it('admits a person exactly when one of their groups is named', () => {
		fc.assert(
			fc.property(
				fc.subarray([...POSITIONS]),
				fc.subarray([...ATTENDANCE_GROUPS]),
				(positions, groups) => {
					const theirs = groupsOf(positions);
					expect(mayAttendOnSite(positions, groups)).toBe(theirs.some((g) => groups.includes(g)));
				}
			)
		);
	});
});
