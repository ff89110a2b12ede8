import { it, expect } from 'vitest';
import { withBrowser } from '../support/chromium';
import { expectAccessible } from '../support/axe';
import { startApp } from '../support/app-server';

it('probe', async () => {
	const app = await startApp();
	try {
	await withBrowser(async (page) => {
		let t = Date.now();
		await page.goto(app.url + '/');
		console.info('goto', Date.now() - t); t = Date.now();
		console.info('lang', await page.locator('html').getAttribute('lang'), Date.now() - t); t = Date.now();
		const rows = await page.locator('h3').evaluateAll((n) => n.map((x) => x.textContent));
		console.info('evalAll', rows, Date.now() - t); t = Date.now();
		await Promise.race([expectAccessible(page, 'x'), new Promise((_, rej) => setTimeout(() => rej(new Error('axe timeout')), 15000))]).catch((e) => console.info('axe', String(e)));
		console.info('axe', Date.now() - t); t = Date.now();
		expect(1).toBe(1);
	}, { javaScriptEnabled: false });
	await withBrowser(async (page) => {
		let t = Date.now();
		await page.goto(app.url + '/');
		console.info('goto', Date.now() - t); t = Date.now();
		await expectAccessible(page, 'x');
		console.info('axe js', Date.now() - t); t = Date.now();
	});
} finally { await app.stop(); }
}, 120000);
