import { z } from 'zod';
import { choice, isoDate, text } from './fields';
import { ATTENDANCE_GROUPS } from '$lib/domain/positions';
import { MEMBERSHIP_STATES } from '$lib/domain/membership';
import { OPTIONAL_UUID_PATTERN } from '$lib/domain/uuid';

export const decisionFormSchema = z.object({
	body: text({ max: 200 }),
	meetingDate: isoDate(),
	section: text({ max: 50 }),
	presenterTitle: text({ max: 200 }),
	proposal: text({ max: 10_000, multiline: true }),
	decision: text({ max: 10_000, multiline: true }),
	outcome: choice(['approved', 'rejected', 'tabled'] as const)
});

export const membershipDetailsSchema = z.object({
	contactPersonId: z
		.string()
		.regex(OPTIONAL_UUID_PATTERN, 'error.invalidChoice')
		.transform((v) => v || null),
	onSiteGroups: z.array(choice(ATTENDANCE_GROUPS)).max(ATTENDANCE_GROUPS.length)
});

export const stateChangeSchema = z.object({ to: choice(MEMBERSHIP_STATES) });

export const proposalQueryShape = {
	lang: choice(['fi', 'sv', 'en'] as const),
	body: text({ max: 200, optional: true }),
	presenter: text({ max: 200, optional: true }),
	contact: text({ max: 200, optional: true })
};
