import { describe, expect, it } from 'vitest';
import { isUuid, OPTIONAL_UUID_PATTERN } from './uuid';

describe('isUuid', () => {
	it('accepts what the database hands out', () => {
		expect(isUuid('0b5c3a7e-1f2d-4c6b-9a8e-7d6c5b4a3f21')).toBe(true);
		expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
	});

	it('refuses what PostgreSQL would refuse with an error', () => {
		expect(isUuid('-'.repeat(36))).toBe(false);
		expect(isUuid('0b5c3a7e1f2d4c6b9a8e7d6c5b4a3f21----')).toBe(false);
		expect(isUuid('0b5c3a7e-1f2d-4c6b-9a8e-7d6c5b4a3f2')).toBe(false);
		expect(isUuid('0b5c3a7e-1f2d-4c6b-9a8e-7d6c5b4a3f21 ')).toBe(false);
		expect(isUuid('g b5c3a7e-1f2d-4c6b-9a8e-7d6c5b4a3f2')).toBe(false);
		expect(isUuid(undefined)).toBe(false);
		expect(isUuid(42)).toBe(false);
	});

	it('lets an optional choice be empty', () => {
		expect(OPTIONAL_UUID_PATTERN.test('')).toBe(true);
		expect(OPTIONAL_UUID_PATTERN.test('-'.repeat(36))).toBe(false);
	});
});
