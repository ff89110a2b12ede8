import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { numberedPage } from '../pagination';
import { isMember, MEMBERSHIP_STATES } from '$lib/domain/membership';

export const RATES_PAGE_SIZE = 50;

/** Both drivers answer `execute` with `{ rows }`. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const MEMBER_STATES = sql.join(
	MEMBERSHIP_STATES.filter(isMember).map((s) => sql`${s}`),
	sql`, `
);

/**
 * The coordinator's overview of a season's analyses: per member (one page at a time, by name)
 * whether its analysis is open or closed and how many of its invited respondents have begun
 * and finished; and the season's totals. Counts only, never answers: those its analysis row
 * keeps (ADR 032), so the page reads one row per member, however many respondents there are.
 */
export async function seasonResponseRates(db: DbOrTx, seasonId: string, requestedPage: number) {
	const [totals] = rowsOf<{
		members: number;
		opened: number;
		closed: number;
		invited: number;
		started: number;
		complete: number;
	}>(
		await db.execute(sql`
			select count(*)::int as members,
				count(a.id)::int as opened,
				count(a.id) filter (where a.state = 'closed')::int as closed,
				coalesce(sum(a.invited_count), 0)::int as invited,
				coalesce(sum(a.started_count), 0)::int as started,
				coalesce(sum(a.complete_count), 0)::int as complete
			from memberships m
			left join analyses a on a.membership_id = m.id
			where m.season_id = ${seasonId} and m.state in (${MEMBER_STATES})`)
	);
	const t = totals ?? { members: 0, opened: 0, closed: 0, invited: 0, started: 0, complete: 0 };
	const { page, pages, offset } = numberedPage(Number(t.members), requestedPage, RATES_PAGE_SIZE);
	const rows = rowsOf<{
		membership_id: string;
		code: string;
		name_fi: string;
		name_sv: string;
		analysis_id: string | null;
		state: 'open' | 'closed' | null;
		invited: number;
		started: number;
		complete: number;
	}>(
		await db.execute(sql`
			select m.id as membership_id, mu.code, mu.name_fi, mu.name_sv, a.id as analysis_id,
				a.state, coalesce(a.invited_count, 0) as invited,
				coalesce(a.started_count, 0) as started, coalesce(a.complete_count, 0) as complete
			from (
				select m.id, m.municipality_code from memberships m
				join municipalities mu on mu.code = m.municipality_code
				where m.season_id = ${seasonId} and m.state in (${MEMBER_STATES})
				order by mu.name_fi, mu.code
				limit ${RATES_PAGE_SIZE} offset ${offset}
			) m
			join municipalities mu on mu.code = m.municipality_code
			left join analyses a on a.membership_id = m.id
			order by mu.name_fi, mu.code`)
	);
	return {
		totals: {
			members: Number(t.members),
			opened: Number(t.opened),
			closed: Number(t.closed),
			invited: Number(t.invited),
			started: Number(t.started),
			complete: Number(t.complete)
		},
		rows: rows.map((r) => ({
			membershipId: r.membership_id,
			code: r.code,
			nameFi: r.name_fi,
			nameSv: r.name_sv,
			analysisId: r.analysis_id,
			state: r.state,
			invited: Number(r.invited),
			started: Number(r.started),
			complete: Number(r.complete)
		})),
		page,
		pages
	};
}
