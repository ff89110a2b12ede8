import { z } from 'zod';

/**
 * Configuration, parsed once from the environment. Every bad value is reported with its
 * name and what was expected, so an operator can mend them all in one go.
 */
const booleanish = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
	.transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const schema = z.object({
	PORT: z.coerce
		.number({ error: 'must be a port number' })
		.int('must be a whole number')
		.min(1, 'must be 1–65535')
		.max(65535, 'must be 1–65535')
		.default(3000),
	HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
	ORIGIN: z
		.url({ error: 'must be a URL such as https://verkosto.example.fi' })
		.refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
		.optional(),
	DATABASE_URL: z
		.string()
		.refine(
			(u) => /^postgres(ql)?:\/\/.+/.test(u),
			'must be a PostgreSQL URL such as postgres://user:pass@host:5432/verkosto'
		)
		.optional(),
	VERKOSTO_DATA_DIR: z.string().min(1, 'must not be empty').default('./data/pglite'),
	SMTP_URL: z
		.string()
		.refine(
			(u) => /^smtps?:\/\/.+/.test(u),
			'must be an SMTP URL such as smtp://user:pass@mail.example.fi:587'
		)
		.optional(),
	MAIL_FROM: z.string().min(3).default('Verkosto <verkosto@example.fi>'),
	DEMO: booleanish.default(true),
	LOG_MAIL: booleanish.default(true)
});

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
	constructor(public readonly problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

/** Parses a raw environment; empty strings count as unset. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
	const cleaned = Object.fromEntries(
		Object.entries(raw).filter(([, v]) => v !== undefined && v !== '')
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((i) => {
				const name = i.path.join('.');
				return `${name}=${JSON.stringify(cleaned[name] ?? '')}: ${i.message}`;
			})
		);
	}
	return result.data;
}

let cached: Env | undefined;

export function env(): Env {
	cached ??= parseEnv(process.env);
	return cached;
}
