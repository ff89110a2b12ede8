import type { Db } from '../db';
import type { ExportTable } from '../export/table-export';
import { listSeasonMembers, type networkFeeTiers } from './season-queries';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import { localized } from '$lib/localized';
import type { MembershipState } from '$lib/domain/membership';

/** More than there are municipalities: a season's members fit in one read. */
const MAX_ROWS = 1000;

/**
 * A season's members as the page lists them (in one state, if asked), every page: code, name,
 * state, population, size class and the fee tier with its yearly fee in euros (a number, so a
 * spreadsheet can add them up).
 */
export async function exportSeasonMembers(
	db: Db,
	season: {
		id: string;
		number: number;
		startsOn: string;
		networkShortName: string;
		feeTiers: Awaited<ReturnType<typeof networkFeeTiers>>;
	},
	state: MembershipState | null,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const { rows } = await listSeasonMembers(db, season, { page: 1, state, perPage: MAX_ROWS });
	return {
		title: `${season.networkShortName} ${season.number}`,
		columns: [
			{ header: t('participation.code'), width: 8 },
			{ header: t('registry.name'), width: 24 },
			{ header: t('membership.state'), width: 16 },
			{ header: t('registry.population'), numeric: true },
			{ header: t('registry.sizeClass'), numeric: true },
			{ header: t('season.feeTier'), width: 24 },
			{ header: t('season.yearlyFeeEuros'), numeric: true }
		],
		rows: rows.map((m) => [
			m.code,
			locale === 'sv' ? m.nameSv : m.nameFi,
			t(`membership.state.${m.state}`),
			m.population,
			m.sizeClass,
			m.feeTier ? localized(m.feeTier, 'name', locale) : '',
			m.feeTier ? m.feeTier.yearlyFeeCents / 100 : null
		])
	};
}
