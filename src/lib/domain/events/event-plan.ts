import { helsinkiDate } from '../helsinki-time';
import {
	modesOffered,
	PROGRAMME_KEY,
	type EventFormat,
	type EventType,
	type ProgrammePlan
} from './event-types';

/**
 * Checks of an event as a coordinator plans or changes it, after its fields have been parsed
 * (times already instants, numbers already numbers). Each field gets its first problem as a
 * code, translated where the form is rendered; an empty result means the plan may be saved.
 */

export interface EventPlan {
	type: EventType;
	format: EventFormat;
	startsAt: Date;
	endsAt: Date;
	signUpOpensAt: Date | null;
	signUpClosesAt: Date | null;
	cancellationDeadline: Date | null;
	/** Required when the event is held on site; null otherwise. */
	capacityOnSite: number | null;
	/** null: no limit (or not held online). */
	capacityOnline: number | null;
	perMunicipalityOnSite: number | null;
}

export type EventPlanField = keyof EventPlan;

export type EventPlanError =
	| 'required'
	/** Not a whole number of at least 1. */
	| 'not_positive'
	/** A capacity or cap for a mode the format does not offer. */
	| 'mode_not_offered'
	| 'end_not_after_start'
	| 'opens_not_before_close'
	| 'closes_after_start'
	| 'cancellation_after_start'
	/** The start lies outside the season's period (Helsinki days). */
	| 'outside_season'
	/** The season's programme plans none of this type (0). */
	| 'not_in_programme'
	/** Below what confirmed sign-ups already hold. */
	| 'below_confirmed'
	/** The change drops a mode in which people are signed up. */
	| 'mode_has_sign_ups';

export type EventPlanErrors = Partial<Record<EventPlanField, EventPlanError>>;

export interface EventPlanContext {
	season?: { startsOn: string; endsOn: string; programme: ProgrammePlan };
	/** For a change: the active sign-ups now held (waiting ones count in `signedUp`). */
	current?: {
		confirmedOnSite: number;
		confirmedOnline: number;
		/** The most confirmed on-site sign-ups one municipality holds. */
		mostOnSiteOfOneMunicipality: number;
		/** Confirmed and waiting sign-ups by mode. */
		signedUp: { on_site: number; online: number };
	};
}

const ms = (d: Date) => d.getTime();

export function checkEventPlan(plan: EventPlan, context: EventPlanContext = {}): EventPlanErrors {
	const errors: EventPlanErrors = {};
	const add = (field: EventPlanField, error: EventPlanError) => {
		errors[field] ??= error;
	};

	const offered = modesOffered(plan.format);
	const current = context.current;
	if (current) {
		for (const mode of ['on_site', 'online'] as const) {
			if (!offered.includes(mode) && current.signedUp[mode] > 0) add('format', 'mode_has_sign_ups');
		}
	}

	if (ms(plan.endsAt) <= ms(plan.startsAt)) add('endsAt', 'end_not_after_start');
	if (plan.signUpClosesAt && ms(plan.signUpClosesAt) > ms(plan.startsAt)) {
		add('signUpClosesAt', 'closes_after_start');
	}
	const closes = plan.signUpClosesAt ?? plan.startsAt;
	if (plan.signUpOpensAt && ms(plan.signUpOpensAt) >= ms(closes)) {
		add('signUpOpensAt', 'opens_not_before_close');
	}
	if (plan.cancellationDeadline && ms(plan.cancellationDeadline) > ms(plan.startsAt)) {
		add('cancellationDeadline', 'cancellation_after_start');
	}

	const count = (field: EventPlanField, value: number | null, required: boolean, below = 0) => {
		if (value === null) {
			if (required) add(field, 'required');
		} else if (!Number.isSafeInteger(value) || value < 1) add(field, 'not_positive');
		else if (value < below) add(field, 'below_confirmed');
	};
	const onSite = offered.includes('on_site');
	if (onSite) {
		count('capacityOnSite', plan.capacityOnSite, true, current?.confirmedOnSite);
		count(
			'perMunicipalityOnSite',
			plan.perMunicipalityOnSite,
			false,
			current?.mostOnSiteOfOneMunicipality
		);
	} else {
		if (plan.capacityOnSite !== null) add('capacityOnSite', 'mode_not_offered');
		if (plan.perMunicipalityOnSite !== null) add('perMunicipalityOnSite', 'mode_not_offered');
	}
	if (offered.includes('online')) {
		count('capacityOnline', plan.capacityOnline, false, current?.confirmedOnline);
	} else if (plan.capacityOnline !== null) add('capacityOnline', 'mode_not_offered');

	const season = context.season;
	if (season) {
		const day = helsinkiDate(plan.startsAt);
		if (day < season.startsOn || day > season.endsOn) add('startsAt', 'outside_season');
		if (season.programme[PROGRAMME_KEY[plan.type]] === 0) add('type', 'not_in_programme');
	}
	return errors;
}
