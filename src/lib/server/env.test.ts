import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

describe('parseEnv', () => {
	it('gives defaults for an empty environment', () => {
		const env = parseEnv({});
		expect(env.PORT).toBe(3000);
		expect(env.DEMO).toBe(true);
		expect(env.DATABASE_URL).toBeUndefined();
		expect(env.VERKOSTO_DATA_DIR).toBe('./data/pglite');
	});

	it('reads booleans the way operators write them', () => {
		expect(parseEnv({ DEMO: 'off' }).DEMO).toBe(false);
		expect(parseEnv({ DEMO: '0' }).DEMO).toBe(false);
		expect(parseEnv({ DEMO: 'yes' }).DEMO).toBe(true);
	});

	it('names every bad value at once', () => {
		try {
			parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'mail', DEMO: 'maybe' });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ConfigError);
			const message = (e as ConfigError).message;
			expect(message).toContain('PORT="eighty"');
			expect(message).toContain('DATABASE_URL="mysql://x"');
			expect(message).toContain('SMTP_URL="mail"');
			expect(message).toContain('DEMO="maybe"');
		}
	});

	it('refuses a port out of range', () => {
		expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
	});
});
