import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { findStackTraces, freePort, waitForHealth } from './support/app-server';
import { describeWithBrowser, withBrowser } from './support/chromium';
import {
	checkAccessible,
	COORDINATOR,
	expectHeading,
	linkForm,
	signOut,
	STEP_TIMEOUT,
	STORY_TIMEOUT,
	submit,
	submitPassword,
	visibleText
} from './stories/story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * The README's start, exactly: `npm start` with nothing configured — no ORIGIN, no HOST, no
 * DATABASE_URL — only a free PORT and an empty data folder (the README's ./data/pglite is the
 * project's own; a test must not touch it). Then a person signs in through Chromium at
 * http://localhost:PORT, at http://127.0.0.1:PORT and at the machine's own address, changes the
 * language, and signs in with the link the server printed.
 *
 * It runs in both halves of CI: on the machine's Node.js 20 and on Node.js 24.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Started {
	child: ChildProcess;
	port: number;
	output(): string;
	stop(): Promise<void>;
}

/** `npm start` in the project folder, in its own process group so that stopping ends it all. */
async function npmStart(dataDir: string): Promise<Started> {
	const port = await freePort();
	const env: Record<string, string> = { PORT: String(port), VERKOSTO_DATA_DIR: dataDir };
	for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
		const value = process.env[name];
		if (value) env[name] = value;
	}
	const child = spawn('npm', ['start'], {
		cwd: ROOT,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		process.kill(-child.pid!, 'SIGTERM');
		const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	};
	try {
		await waitForHealth(`http://localhost:${port}`, 120_000, () =>
			child.exitCode === null && child.signalCode === null
				? null
				: { code: child.exitCode, signal: child.signalCode }
		);
	} catch (error) {
		await stop();
		throw new Error(`npm start did not answer on http://localhost:${port}: ${error}\n${output}`);
	}
	return { child, port, output: () => output, stop };
}

/** An IPv4 address of this machine that is not loopback, if it has one. */
function ownAddress(): string | null {
	for (const list of Object.values(networkInterfaces())) {
		for (const entry of list ?? []) {
			if (entry.family === 'IPv4' && !entry.internal) return entry.address;
		}
	}
	return null;
}

/** Signs in with the password form at `origin` and returns the session cookie's attributes. */
async function signInAt(page: Page, origin: string) {
	await page.goto(`${origin}/signin`);
	await expectHeading(page, 'Kirjaudu sisään');
	await submitPassword(page, COORDINATOR.email, 'verkosto-demo');
	await expectHeading(page, `Tervetuloa, ${COORDINATOR.name}`);
	expect(new URL(page.url()).origin).toBe(origin);
	const cookies = await page.context().cookies(origin);
	return cookies.find((c) => c.name === 'verkosto_session');
}

let app: Started;
let dataDir: string;

beforeAll(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'verkosto-newcomer-'));
	app = await npmStart(dataDir);
});

afterAll(async () => {
	await app?.stop();
	await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
});

describeWithBrowser('a newcomer who ran npm start', () => {
	it('signs in at http://localhost, changes the language and signs out', async () => {
		const origin = `http://localhost:${app.port}`;
		await withBrowser(async (page) => {
			await page.goto(`${origin}/`);
			await checkAccessible(page, 'front page of a fresh start');
			await submit(page.getByRole('link', { name: 'Kirjaudu sisään' }).first());
			const cookie = await signInAt(page, origin);
			expect(cookie, 'session cookie').toBeDefined();
			expect(cookie!.secure, 'no Secure cookie on plain http').toBe(false);
			expect(cookie!.httpOnly).toBe(true);
			await checkAccessible(page, 'front page signed in at localhost');

			// another form: the language choice in the header
			await submit(page.getByRole('button', { name: 'English', exact: true }));
			await expectHeading(page, `Welcome, ${COORDINATOR.name}`);
			await submit(page.getByRole('button', { name: 'suomi', exact: true }));
			await expectHeading(page, `Tervetuloa, ${COORDINATOR.name}`);
			await signOut(page);
		});
	});

	it('signs in at http://127.0.0.1 and at the machine’s own address', async () => {
		const own = ownAddress();
		const origins = [`http://127.0.0.1:${app.port}`, ...(own ? [`http://${own}:${app.port}`] : [])];
		for (const origin of origins) {
			await withBrowser(async (page) => {
				const cookie = await signInAt(page, origin);
				expect(cookie, `session cookie at ${origin}`).toBeDefined();
			});
		}
		expect(origins.length).toBeGreaterThanOrEqual(1);
	});

	it('signs in with the e-mail link the server printed, which points at localhost', async () => {
		const origin = `http://localhost:${app.port}`;
		await withBrowser(async (page) => {
			await page.goto(`${origin}/signin`);
			const form = linkForm(page);
			await form.getByLabel('Sähköpostiosoite', { exact: true }).fill(COORDINATOR.email);
			await submit(form.getByRole('button', { name: 'Lähetä kirjautumislinkki', exact: true }));
			await visibleText(form.getByRole('status'));

			const pattern = new RegExp(`${origin.replace(/[.:/]/g, '\\$&')}/signin/link/[\\w-]+`);
			await expect
				.poll(() => pattern.exec(app.output())?.[0], { timeout: STEP_TIMEOUT })
				.toBeDefined();
			const link = pattern.exec(app.output())![0];
			await page.goto(link);
			await expectHeading(page, 'Kirjaudu linkillä');
			await submit(page.getByRole('button', { name: 'Kirjaudu', exact: true }));
			await expectHeading(page, `Tervetuloa, ${COORDINATOR.name}`);
		});
	});

	it('printed no stack trace and no error', () => {
		expect(findStackTraces(app.output())).toEqual([]);
		expect(app.output()).not.toMatch(/Cross-site POST form submissions are forbidden/);
	});
});
