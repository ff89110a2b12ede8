import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { MIN_RESPONDENTS } from '$lib/domain/analysis/scoring';
import { suppressSmallGroup, type GroupDistribution } from '$lib/domain/analysis/distribution';

/**
 * Members' scores aggregated in the database (ADR 024): a member's section score is the mean
 * of its respondents' section scores kept in analysis_section_means, where at least
 * MIN_RESPONDENTS respondents have one (ADR 019 rule 3), its overall the section-weighted mean where every scored section
 * has a score (rule 4). Sections are matched across the season's versions by key and scoring
 * fingerprint, so members whose analysis runs on another version count where it scores alike.
 */

export type Grouping = 'network' | 'size_class' | 'region';

export interface GroupSummaries {
	sections: Map<string, GroupDistribution>;
	overall: GroupDistribution;
}

interface SummaryRow extends Record<string, unknown> {
	/** The grouping's index in the query. */
	g: number;
	grp: string;
	key: string;
	n: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}

const GROUP_COLUMN: Record<Grouping, SQL> = {
	network: sql`'all'`,
	size_class: sql`mu.size_class::text`,
	region: sql`mu.region_code`
};

/** `grp_0`, `grp_1` …: the column of the i-th grouping in the CTEs below. */
const groupColumn = (i: number) => sql.raw(`grp_${i}`);

/**
 * The CTEs `target` (the version's scored sections), `season_member` (the season's analyses
 * with their group in each grouping, once per member), `member` (each member's section means)
 * and `overall` (its overall score). The season's members are materialised before the means
 * are joined to them: inlined, the planner looked a member's municipality up once per means
 * row (sections × members index probes) instead of once per member.
 */
function memberCtes(input: { versionId: string; seasonId: string; groups: SQL[]; filter: SQL }) {
	const groups = sql.join(
		input.groups.map((g, i) => sql`${g} as ${groupColumn(i)}`),
		sql`, `
	);
	const columns = (prefix: string) =>
		sql.join(
			input.groups.map((_, i) => sql`${sql.raw(prefix)}${groupColumn(i)}`),
			sql`, `
		);
	return sql`
		target as (
			select s.key, s.scoring_fingerprint, s.weight
			from analysis_sections s
			where s.version_id = ${input.versionId}
				and exists (select 1 from analysis_questions q where q.section_id = s.id and q.weight is not null)
		),
		season_member as materialized (
			select a.id as analysis_id, ${groups}
			from memberships m
			join analyses a on a.membership_id = m.id
			join municipalities mu on mu.code = m.municipality_code
			where m.season_id = ${input.seasonId} and ${input.filter}
		),
		member as (
			select sm.analysis_id, ${columns('sn.')}, t.key, t.weight, sm.mean as score
			from target t
			join analysis_sections s on s.key = t.key and s.scoring_fingerprint = t.scoring_fingerprint
			join analysis_section_means sm
				on sm.section_id = s.id and sm.respondents >= ${MIN_RESPONDENTS}
			join season_member sn on sn.analysis_id = sm.analysis_id
		),
		overall as (
			select analysis_id, ${columns('')}, sum(weight * score) / sum(weight) as score
			from member group by analysis_id, ${columns('')}
			having count(*) = (select count(*) from target)
		)`;
}

const SUMMARY = sql`count(*)::int as n, min(score) as min,
	percentile_cont(0.25) within group (order by score) as q1,
	percentile_cont(0.5) within group (order by score) as median,
	percentile_cont(0.75) within group (order by score) as q3,
	max(score) as max`;

/** Both drivers answer `execute` with `{ rows }`. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const toDistribution = (r: SummaryRow) =>
	suppressSmallGroup({
		n: Number(r.n),
		min: Number(r.min),
		lowerQuartile: Number(r.q1),
		median: Number(r.median),
		upperQuartile: Number(r.q3),
		max: Number(r.max)
	});

/**
 * Per group (the whole network, each size class, each region) and section, the distribution of
 * the members' scores, suppressed under five (suppressSmallGroup). `sizeClass` keeps only that
 * class. One aggregate query, as `groupDistributionsBy`.
 */
export async function groupDistributions(
	db: DbOrTx,
	input: { versionId: string; seasonId: string; by: Grouping; sizeClass?: number }
): Promise<Map<string, GroupSummaries>> {
	const all = await groupDistributionsBy(db, { ...input, by: [input.by] });
	return all.get(input.by)!;
}

/**
 * As `groupDistributions`, for several groupings at once (the results page's network and size
 * classes, the overview's size classes and regions): one aggregate query over the same members,
 * the sections' and the overall summaries of every grouping (`member` and `overall` computed
 * once), whatever the number of members and respondents.
 */
export async function groupDistributionsBy(
	db: DbOrTx,
	input: { versionId: string; seasonId: string; by: readonly Grouping[]; sizeClass?: number }
): Promise<Map<Grouping, Map<string, GroupSummaries>>> {
	const ctes = memberCtes({
		versionId: input.versionId,
		seasonId: input.seasonId,
		groups: input.by.map((by) => GROUP_COLUMN[by]),
		filter: input.sizeClass === undefined ? sql`true` : sql`mu.size_class = ${input.sizeClass}`
	});
	// section keys are `s_…`, so 'overall' names the overall summaries' rows
	const selects = input.by.flatMap((_, i) => [
		sql`select ${i}::int as g, ${groupColumn(i)} as grp, key, ${SUMMARY}
			from member group by ${groupColumn(i)}, key`,
		sql`select ${i}::int as g, ${groupColumn(i)} as grp, 'overall' as key, ${SUMMARY}
			from overall group by ${groupColumn(i)}`
	]);
	const rows = await db.execute(sql`with ${ctes} ${sql.join(selects, sql` union all `)}`);
	const result = new Map<Grouping, Map<string, GroupSummaries>>(
		input.by.map((by) => [by, new Map()])
	);
	for (const r of rowsOf<SummaryRow>(rows)) {
		const groups = result.get(input.by[Number(r.g)]!)!;
		let g = groups.get(String(r.grp));
		if (!g) {
			g = { sections: new Map(), overall: suppressSmallGroup(null) };
			groups.set(String(r.grp), g);
		}
		if (r.key === 'overall') g.overall = toDistribution(r);
		else g.sections.set(r.key, toDistribution(r));
	}
	return result;
}

export interface MemberScoreRow {
	code: string;
	nameFi: string;
	nameSv: string;
	sizeClass: number | null;
	regionFi: string;
	/** By section key; only sections where the member has a score. */
	sections: Map<string, number>;
	overall: number | null;
}

/**
 * Every member's own scores, for the network's coordinators only (the export): members with a
 * score in some section, by name. Bounded by the season's members.
 */
export async function memberScores(
	db: DbOrTx,
	input: { versionId: string; seasonId: string }
): Promise<MemberScoreRow[]> {
	const ctes = memberCtes({ ...input, groups: [sql`'all'`], filter: sql`true` });
	const rows = rowsOf<{
		code: string;
		name_fi: string;
		name_sv: string;
		size_class: number | null;
		region_fi: string;
		key: string;
		score: number;
		overall: number | null;
	}>(
		await db.execute(sql`with ${ctes}
			select mu.code, mu.name_fi, mu.name_sv, mu.size_class, mu.region_fi, member.key,
				member.score, o.score as overall
			from member
			join analyses a on a.id = member.analysis_id
			join memberships m on m.id = a.membership_id
			join municipalities mu on mu.code = m.municipality_code
			left join overall o on o.analysis_id = member.analysis_id
			order by mu.name_fi, mu.code
			limit 20000`)
	);
	const byCode = new Map<string, MemberScoreRow>();
	for (const r of rows) {
		let m = byCode.get(r.code);
		if (!m) {
			m = {
				code: r.code,
				nameFi: r.name_fi,
				nameSv: r.name_sv,
				sizeClass: r.size_class === null ? null : Number(r.size_class),
				regionFi: r.region_fi,
				sections: new Map(),
				overall: r.overall === null ? null : Number(r.overall)
			};
			byCode.set(r.code, m);
		}
		m.sections.set(r.key, Number(r.score));
	}
	return [...byCode.values()];
}
