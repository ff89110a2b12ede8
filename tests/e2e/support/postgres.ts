import pg from 'pg';

/**
 * Throwaway databases on the PostgreSQL server that DATABASE_URL names (CI starts one; see
 * .ci/run). The role in DATABASE_URL must be allowed to create databases.
 */

export interface ThrowawayDatabase {
	name: string;
	/** DATABASE_URL with the path pointing at the new database. */
	url: string;
	/** Drops the database, closing any connection still open to it. Safe to call twice. */
	drop(): Promise<void>;
}

/** True when VERKOSTO_REQUIRE_POSTGRES=1 (CI's PostgreSQL pass): PostgreSQL must be used. */
export function postgresRequired(): boolean {
	return process.env.VERKOSTO_REQUIRE_POSTGRES === '1';
}

/**
 * The server URL to test against, or null for PGlite. Throws when VERKOSTO_REQUIRE_POSTGRES=1
 * and DATABASE_URL is unset, so that a lost variable cannot quietly turn the PostgreSQL pass
 * into a second PGlite pass.
 */
export function testDatabaseUrl(): string | null {
	const url = process.env.DATABASE_URL;
	if (url) return url;
	if (postgresRequired()) {
		throw new Error(
			'VERKOSTO_REQUIRE_POSTGRES=1 but DATABASE_URL is not set: the tests must run on ' +
				'PostgreSQL. Start a server (bash .ci/run --services) and set DATABASE_URL.'
		);
	}
	return null;
}

async function withAdmin<T>(serverUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		return await use(client);
	} finally {
		await client.end();
	}
}

function safeIdentifier(name: string): string {
	if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
	return name;
}

/**
 * Creates a database named `<prefix>_<pid>_<random>` on the server of `serverUrl`: empty, or a
 * copy of `template` (a database nobody is connected to; PostgreSQL copies its files, which
 * takes milliseconds where migrating and loading data takes seconds).
 */
export async function createThrowawayDatabase(
	serverUrl: string,
	prefix = 'verkosto_test',
	template?: string
): Promise<ThrowawayDatabase> {
	const name = safeIdentifier(
		`${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`.toLowerCase()
	);
	const from = template ? ` template ${safeIdentifier(template)}` : '';
	await withAdmin(serverUrl, (client) => client.query(`create database ${name}${from}`));
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	let dropped = false;
	return {
		name,
		url: url.toString(),
		drop: async () => {
			if (dropped) return;
			dropped = true;
			await withAdmin(serverUrl, (client) =>
				client.query(`drop database if exists ${name} with (force)`)
			);
		}
	};
}
