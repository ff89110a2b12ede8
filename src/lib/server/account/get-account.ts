import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, municipalities, networks, seasons, users } from '../db/schema';
import { isMember, type MembershipState } from '$lib/domain/membership';
import {
	groupsOf,
	mayAttendOnSite,
	type AttendanceGroup,
	type Position
} from '$lib/domain/positions';
import { currentOrLatestSeasons } from '$lib/domain/current-season';
import { helsinkiDate } from '$lib/domain/helsinki-time';

/**
 * What the account page shows: the person's own details, and their municipality's membership
 * in the current (or latest) season of each network with whether they may attend on site.
 */
export async function getAccount(db: Db, userId: string, now = new Date()) {
	const [person] = await db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			locale: users.locale,
			title: users.title,
			positions: users.positions,
			municipalityCode: users.municipalityCode,
			municipalityNameFi: municipalities.nameFi,
			municipalityNameSv: municipalities.nameSv
		})
		.from(users)
		.leftJoin(municipalities, eq(municipalities.code, users.municipalityCode))
		.where(eq(users.id, userId))
		.limit(1);
	if (!person) return null;

	const rows = person.municipalityCode
		? await db
				.select({
					id: memberships.id,
					state: memberships.state,
					onSiteGroups: memberships.onSiteGroups,
					networkId: seasons.networkId,
					networkShortName: networks.shortName,
					seasonNumber: seasons.number,
					startsOn: seasons.startsOn,
					endsOn: seasons.endsOn
				})
				.from(memberships)
				.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
				.innerJoin(networks, eq(networks.id, seasons.networkId))
				// memberships_municipality; a municipality joins a season or two a year at most
				.where(eq(memberships.municipalityCode, person.municipalityCode))
				.orderBy(desc(seasons.startsOn))
				.limit(200)
		: [];

	const positions = person.positions as Position[];
	const membershipsShown = currentOrLatestSeasons(rows, helsinkiDate(now)).map((m) => {
		const onSiteGroups = m.onSiteGroups as AttendanceGroup[];
		const member = isMember(m.state as MembershipState);
		return {
			...m,
			onSiteGroups,
			isMember: member,
			mayAttendOnSite: member && mayAttendOnSite(positions, onSiteGroups),
			/** The named groups that admit this person, for "you may attend as …". */
			admittedAs: member ? groupsOf(positions).filter((g) => onSiteGroups.includes(g)) : []
		};
	});

	return { person: { ...person, positions }, memberships: membershipsShown };
}

export type Account = NonNullable<Awaited<ReturnType<typeof getAccount>>>;
