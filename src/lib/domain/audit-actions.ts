/** Every kind of change the audit log records; the audit page filters by these. */
export const AUDIT_ACTIONS = [
	'auth.sign_in',
	'user.create',
	'user.update',
	'user.password_reset',
	'network.create',
	'network.update',
	'municipality.create',
	'municipality.update',
	'municipality.abolish',
	'season.create',
	'season.update',
	'fee_schedule.create',
	'membership.invite',
	'membership.state',
	'membership.decision',
	'membership.update',
	'person.create',
	'person.update',
	'person.remove',
	'person.erase',
	'calendar_feed.create',
	'calendar_feed.renew',
	'event.create',
	'event.update',
	'event.cancel',
	'event.sign_up',
	'event.cancel_sign_up',
	'event.promote',
	'event.attendance',
	'event.feedback',
	'event.material_add',
	'event.material_remove',
	'job.retry'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
	'user',
	'network',
	'municipality',
	'season',
	'membership',
	'event',
	'job'
] as const;
