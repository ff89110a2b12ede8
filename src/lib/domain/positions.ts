/**
 * Positions a person holds in a municipality, and the attendance groups a municipal board
 * names when it decides who may attend the network's seminars on site (Vaala: the board's
 * members, the council's chair and vice-chairs, and the management team).
 */
export const POSITIONS = [
	'municipal_manager',
	'administrative_director',
	'board_chair',
	'board_member',
	'council_chair',
	'council_vice_chair',
	'council_member',
	'management_team_member',
	'developer',
	'contact_person',
	'other'
] as const;
export type Position = (typeof POSITIONS)[number];

export const ATTENDANCE_GROUPS = [
	'board',
	'council_presidium',
	'council',
	'management_team',
	'developers'
] as const;
export type AttendanceGroup = (typeof ATTENDANCE_GROUPS)[number];

/** Which positions each group is made of. */
export const GROUP_POSITIONS: Record<AttendanceGroup, readonly Position[]> = {
	board: ['board_chair', 'board_member'],
	council_presidium: ['council_chair', 'council_vice_chair'],
	council: ['council_chair', 'council_vice_chair', 'council_member'],
	management_team: ['municipal_manager', 'administrative_director', 'management_team_member'],
	developers: ['developer', 'contact_person']
};

/** The positions that the named groups admit. */
export function positionsOfGroups(groups: readonly AttendanceGroup[]): Set<Position> {
	return new Set(groups.flatMap((g) => GROUP_POSITIONS[g]));
}

/** May a person with these positions attend on site, given the groups the decision named? */
export function mayAttendOnSite(
	positions: readonly Position[],
	groups: readonly AttendanceGroup[]
): boolean {
	const admitted = positionsOfGroups(groups);
	return positions.some((p) => admitted.has(p));
}

/** The groups a person belongs to, for showing "you may attend as …". */
export function groupsOf(positions: readonly Position[]): AttendanceGroup[] {
	return ATTENDANCE_GROUPS.filter((g) => GROUP_POSITIONS[g].some((p) => positions.includes(p)));
}
