import { buildDecisionProposal, type ProposalInput } from '$lib/domain/decision-proposal';
import { feeTierFor } from '$lib/domain/fees';
import { POSITIONS, type AttendanceGroup, type Position } from '$lib/domain/positions';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import type { Db } from '../db';
import { getSeason } from '../seasons/season-queries';
import type { getMembership } from './membership-queries';

type Membership = NonNullable<Awaited<ReturnType<typeof getMembership>>>;

export const DEFAULT_BODY: Record<Locale, string> = {
	fi: 'kunnanhallitus',
	sv: 'kommunstyrelsen',
	en: 'municipal board'
};
export const DEFAULT_PRESENTER: Record<Locale, string> = {
	fi: 'kunnanjohtaja',
	sv: 'kommundirektören',
	en: 'municipal manager'
};

/**
 * The contact person's title in the proposal's language: the municipality's own wording in
 * Finnish, otherwise the name of their position in that language ("administrative director").
 */
export function contactTitleIn(
	locale: Locale,
	contact: { title: string; positions: Position[] } | null
): string {
	if (!contact) return '';
	if (locale === 'fi' && contact.title) return contact.title;
	const position = POSITIONS.find(
		(p) => p !== 'contact_person' && p !== 'other' && contact.positions.includes(p)
	);
	return position ? serverTranslator(locale)(`position.${position}`) : contact.title;
}

/** Everything the decision proposal needs, from the season, the municipality and the membership. */
export async function buildProposalFor(
	db: Db,
	membership: Membership,
	options: { locale: Locale; body?: string; presenterTitle?: string; contactPersonTitle?: string }
) {
	const season = await getSeason(db, membership.season.id);
	if (!season) return null;
	const l = options.locale === 'sv' ? 'Sv' : options.locale === 'en' ? 'En' : 'Fi';
	const m = membership.municipality;
	const tier =
		m.population === null
			? null
			: feeTierFor(
					season.feeTiers.map((t) => ({ ...t, name: t[`name${l}`] })),
					m.population,
					season.startsOn
				);
	const latestDecision = membership.decisions[0];
	const input: ProposalInput = {
		locale: options.locale,
		network: { name: season.network[`name${l}`], shortName: season.network.shortName },
		season: {
			number: season.number,
			startsOn: season.startsOn,
			endsOn: season.endsOn,
			leadTheme: season[`leadTheme${l}`],
			description: season[`description${l}`],
			focusAreas: season.focusAreas.map((f) => f[`text${l}`]),
			programme: {
				seminars: season.seminars,
				workSeminars: season.workSeminars,
				contactPersonMeetings: season.contactPersonMeetings,
				currentAffairsReviews: season.currentAffairsReviews,
				peerDiscussions: season.peerDiscussions,
				developmentEvents: season.developmentEvents
			},
			workshopsPerMunicipality: season.workshopsPerMunicipality,
			situationAnalysesPerMunicipality: season.situationAnalysesPerMunicipality,
			hasPresentation: !!season.presentationFileId
		},
		municipality: {
			name: options.locale === 'sv' ? m.nameSv : m.nameFi,
			code: m.code,
			population: m.population
		},
		fee: tier
			? {
					tierName: tier.name,
					yearlyFeeCents: tier.yearlyFeeCents,
					vatTreatment: tier.vatTreatment
				}
			: null,
		body:
			options.body ||
			(options.locale === 'fi' && latestDecision?.body) ||
			DEFAULT_BODY[options.locale],
		presenterTitle:
			options.presenterTitle ||
			(options.locale === 'fi' && latestDecision?.presenterTitle) ||
			DEFAULT_PRESENTER[options.locale],
		contactPersonTitle:
			options.contactPersonTitle || contactTitleIn(options.locale, membership.contact),
		onSiteGroups: membership.membership.onSiteGroups as AttendanceGroup[]
	};
	return { input, document: buildDecisionProposal(input) };
}
