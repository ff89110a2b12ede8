import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { latestPublishedVersion, loadVersion } from '$lib/server/analysis/questionnaire-rows';
import { seasonResponseRates } from '$lib/server/analysis/season-response-rates';
import { groupDistributionsBy, type GroupSummaries } from '$lib/server/analysis/member-scores';
import { registryFacets } from '$lib/server/registry/search-municipalities';
import { scoredSections, textIn } from '$lib/domain/analysis/questionnaire';
import { MIN_GROUP_SIZE } from '$lib/domain/analysis/distribution';
import { wholeNumber } from '$lib/schemas/fields';
import { coordinatorsSeason } from '../../events/season-events.server';
import type { PageServerLoad } from './$types';

/**
 * The network's overview of a season's situation analyses, for its coordinators: response
 * rates per member, and section scores across members as distributions by size class and by
 * region (groups under five suppressed), aggregated in the database.
 */
export const load: PageServerLoad = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000) },
		{ page: 1 }
	);
	const locale = event.locals.locale ?? 'fi';
	const published = await latestPublishedVersion(db(), season.id);
	const [rates, version, groups, facets] = await Promise.all([
		seasonResponseRates(db(), season.id, values.page),
		published ? loadVersion(db(), published.id) : Promise.resolve(null),
		published
			? groupDistributionsBy(db(), {
					versionId: published.id,
					seasonId: season.id,
					by: ['size_class', 'region']
				})
			: Promise.resolve(null),
		registryFacets(db())
	]);
	const bySize = groups?.get('size_class') ?? new Map<string, GroupSummaries>();
	const byRegion = groups?.get('region') ?? new Map<string, GroupSummaries>();
	const sections = version
		? scoredSections(version.questionnaire).map((s) => ({
				key: s.key,
				title: textIn(s.title, locale)
			}))
		: [];
	const table = (groups: typeof bySize, label: (group: string) => string) =>
		[...groups.entries()]
			.map(([group, g]) => ({
				group,
				label: label(group),
				sections: sections.map((s) => g.sections.get(s.key) ?? { suppressed: true as const }),
				overall: g.overall
			}))
			.sort((a, b) => a.label.localeCompare(b.label, 'fi', { numeric: true }));
	const regionName = (code: string) => {
		const r = facets.regions.find((x) => x.code === code);
		return r ? (locale === 'sv' ? r.sv : r.fi) : code;
	};
	return {
		season: { id: season.id, number: season.number, networkShortName: season.network.shortName },
		versionNumber: published?.number ?? null,
		rates,
		sections,
		bySize: table(bySize, (g) => g),
		byRegion: table(byRegion, regionName),
		minGroup: MIN_GROUP_SIZE
	};
};
