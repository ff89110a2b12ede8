import type { Db } from '../db';
import { listUpcomingEvents } from '../events/event-queries';
import { municipalityAccess } from '../auth/guard';
import { coordinatedNetworks, type SessionUser } from '../auth/session';
import {
	getMembershipReadiness,
	type MembershipReadiness
} from '../memberships/get-membership-readiness';
import { listMunicipalityMemberships } from '../memberships/membership-queries';
import { getMunicipality } from '../registry/search-municipalities';
import { countMembersByState, listSeasons } from '../seasons/season-queries';
import { seasonsInView } from '$lib/domain/current-season';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { isMember, MEMBERSHIP_STATES } from '$lib/domain/membership';

type SeasonRow = Awaited<ReturnType<typeof listSeasons>>[number];

/** A season as the front page names it. */
function seasonView(s: SeasonRow) {
	return {
		id: s.id,
		networkShortName: s.networkShortName,
		networkSlug: s.networkSlug,
		number: s.number,
		startsOn: s.startsOn,
		endsOn: s.endsOn,
		leadTheme: { fi: s.leadThemeFi, sv: s.leadThemeSv, en: s.leadThemeEn }
	};
}

/**
 * A network event on the front page. Events do not exist yet (issue 6 §3): once they do, the
 * summary lists a person's upcoming ones here and the page already shows them.
 */
export interface UpcomingEvent {
	id: string;
	titleFi: string;
	titleSv: string;
	titleEn: string;
	startsAt: Date;
	endsAt: Date;
	cancelled: boolean;
	/** The person's own sign-up, if any. */
	ownState: 'confirmed' | 'waiting' | null;
	href: string;
}

/** How many of the next events the front page lists; the events page has the rest. */
export const FRONT_PAGE_EVENTS = 5;

const unique = <T>(values: T[]) => [...new Set(values)];

/**
 * What the front page tells a signed-in person, by role: a coordinator the seasons of their
 * networks in view (current and coming) with members counted by state; an expert those
 * seasons; a contact person their municipality's membership in each such season and what it
 * still needs; a participant their municipality's membership. Each part costs a few queries
 * however many municipalities a network has: seasons by network, counts grouped by state,
 * and one municipality's own rows.
 */
export async function getHomeSummary(db: Db, user: SessionUser, now = new Date()) {
	const today = helsinkiDate(now);
	const coordinated = coordinatedNetworks(user);
	const assisted = user.roles
		.filter((r) => r.role === 'expert' && r.networkId && !coordinated.includes(r.networkId))
		.map((r) => r.networkId!);
	const codes = unique(
		user.roles.map((r) => r.municipalityCode).filter((c): c is string => c !== null)
	);

	const [staffSeasons, municipalities, upcoming] = await Promise.all([
		coordinated.length || assisted.length
			? listSeasons(db, unique([...coordinated, ...assisted])).then((rows) =>
					seasonsInView(rows, today)
				)
			: Promise.resolve([] as SeasonRow[]),
		Promise.all(codes.map((code) => municipalitySummary(db, user, code, today))),
		listUpcomingEvents(db, user, now, 1, FRONT_PAGE_EVENTS)
	]);

	const coordinatorSeasons = staffSeasons.filter((s) => coordinated.includes(s.networkId));
	const counts = await countMembersByState(
		db,
		coordinatorSeasons.map((s) => s.id)
	);

	return {
		coordinator: coordinatorSeasons.map((s) => {
			const byState = counts.get(s.id)!;
			return {
				...seasonView(s),
				byState: MEMBERSHIP_STATES.map((state) => ({ state, count: byState[state] })),
				members: MEMBERSHIP_STATES.filter(isMember).reduce((sum, st) => sum + byState[st], 0),
				total: MEMBERSHIP_STATES.reduce((sum, st) => sum + byState[st], 0)
			};
		}),
		expert: staffSeasons.filter((s) => assisted.includes(s.networkId)).map(seasonView),
		municipalities: municipalities.filter((m) => m !== null),
		upcomingEvents: upcoming.rows.map((r): UpcomingEvent => ({
			id: r.event.id,
			titleFi: r.event.titleFi,
			titleSv: r.event.titleSv,
			titleEn: r.event.titleEn,
			startsAt: r.event.startsAt,
			endsAt: r.event.endsAt,
			cancelled: r.event.cancelledAt !== null,
			ownState: r.ownState === 'cancelled' ? null : r.ownState,
			href: `/events/${r.event.id}`
		}))
	};
}

/** One municipality of the person: its membership in each season in view of its networks. */
async function municipalitySummary(db: Db, user: SessionUser, code: string, today: string) {
	const access = municipalityAccess(user, code);
	const [municipality, memberships] = await Promise.all([
		getMunicipality(db, code),
		listMunicipalityMemberships(db, code)
	]);
	if (!municipality || !access) return null;
	// the seasons in view are those of the networks the municipality has been invited to
	const networkSeasons = await listSeasons(db, unique(memberships.map((m) => m.networkId)));
	const inView = seasonsInView(networkSeasons, today);
	const shown = inView.map((season) => ({
		season,
		membership: memberships.find((m) => m.seasonId === season.id) ?? null
	}));
	const readiness =
		access === 'manage'
			? await getMembershipReadiness(
					db,
					code,
					shown.flatMap((s) => (s.membership ? [s.membership.id] : []))
				)
			: new Map<string, MembershipReadiness>();
	return {
		code,
		nameFi: municipality.nameFi,
		nameSv: municipality.nameSv,
		canManage: access === 'manage',
		seasons: shown.map(({ season, membership }) => ({
			...seasonView(season),
			membership: membership
				? {
						id: membership.id,
						state: membership.state,
						isMember: isMember(membership.state),
						contactName: readiness.get(membership.id)?.contactName ?? null,
						checks: readiness.get(membership.id)?.checks ?? []
					}
				: null
		}))
	};
}

export type HomeSummary = Awaited<ReturnType<typeof getHomeSummary>>;
