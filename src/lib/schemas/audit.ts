import { z } from 'zod';
import { choice, isoDate, text, wholeNumber } from './fields';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '$lib/domain/audit-actions';

export const auditQueryShape = {
	actor: text({ max: 254, optional: true }).transform((v) => v.toLowerCase()),
	action: choice(AUDIT_ACTIONS),
	entityType: choice(AUDIT_ENTITY_TYPES),
	entityId: text({ max: 100, optional: true }),
	from: isoDate(),
	to: isoDate(),
	before: wholeNumber(1, Number.MAX_SAFE_INTEGER),
	after: wholeNumber(0, Number.MAX_SAFE_INTEGER)
};

export const auditQueryDefaults = {
	actor: '',
	action: null as (typeof AUDIT_ACTIONS)[number] | null,
	entityType: null as (typeof AUDIT_ENTITY_TYPES)[number] | null,
	entityId: '',
	from: '',
	to: '',
	before: null as number | null,
	after: null as number | null
};

export type AuditQuery = typeof auditQueryDefaults;

export const keysetQueryShape = {
	before: wholeNumber(1, Number.MAX_SAFE_INTEGER),
	after: wholeNumber(0, Number.MAX_SAFE_INTEGER)
};
export const keysetDefaults = { before: null as number | null, after: null as number | null };

export { z };
