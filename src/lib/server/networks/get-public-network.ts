import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { networks } from '../db/schema';
import { getSeason, listMemberMunicipalities, listSeasons } from '../seasons/season-queries';
import { listPublicSeasonEvents } from '../events/event-queries';
import { currentOrLatestSeasons } from '$lib/domain/current-season';
import { helsinkiDate } from '$lib/domain/helsinki-time';

/**
 * What a network shows the public at /n/[slug]: what it is, its current season's lead theme
 * and focus areas, the municipalities taking part (decided or active, names only) a page at a
 * time, the season's coming events (what, when, where), the fee tiers of the season, and the
 * network's public contact address. Nothing about any person. Null when no network has the slug.
 */
export async function getPublicNetwork(
	db: Db,
	slug: string,
	options: { page: number; eventsPage?: number; now?: Date }
) {
	if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(slug)) return null;
	// networks.slug is unique
	const [network] = await db
		.select({
			id: networks.id,
			slug: networks.slug,
			shortName: networks.shortName,
			nameFi: networks.nameFi,
			nameSv: networks.nameSv,
			nameEn: networks.nameEn,
			descriptionFi: networks.descriptionFi,
			descriptionSv: networks.descriptionSv,
			descriptionEn: networks.descriptionEn,
			publicContactEmail: networks.publicContactEmail
		})
		.from(networks)
		.where(eq(networks.slug, slug))
		.limit(1);
	if (!network) return null;

	const now = options.now ?? new Date();
	const today = helsinkiDate(now);
	// where two seasons overlap, the one begun last speaks for the network
	const current = currentOrLatestSeasons(await listSeasons(db, [network.id]), today)[0];
	const season = current ? await getSeason(db, current.id) : null;
	if (!season) return { network, season: null, members: null, events: null };
	const [members, events] = await Promise.all([
		listMemberMunicipalities(db, season.id, { page: options.page }),
		listPublicSeasonEvents(db, season.id, now, options.eventsPage ?? 1)
	]);
	return {
		network,
		season: {
			id: season.id,
			number: season.number,
			startsOn: season.startsOn,
			endsOn: season.endsOn,
			leadThemeFi: season.leadThemeFi,
			leadThemeSv: season.leadThemeSv,
			leadThemeEn: season.leadThemeEn,
			descriptionFi: season.descriptionFi,
			descriptionSv: season.descriptionSv,
			descriptionEn: season.descriptionEn,
			workshopsPerMunicipality: season.workshopsPerMunicipality,
			focusAreas: season.focusAreas.map((f) => ({
				id: f.id,
				textFi: f.textFi,
				textSv: f.textSv,
				textEn: f.textEn
			})),
			feeTiers: season.feeTiers
		},
		members,
		events
	};
}

export type PublicNetwork = NonNullable<Awaited<ReturnType<typeof getPublicNetwork>>>;
