import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { helsinkiDate } from '../../../src/lib/domain/helsinki-time';
import { uso8Period } from '../../../src/lib/server/demo/uso8';
import { HttpClient } from '../support/http';
import {
	checkAccessible,
	expectHeading,
	squish,
	STEP_TIMEOUT,
	submitPassword,
	visibleText
} from '../stories/story';

/**
 * What the journeys share on top of the stories' helpers (../stories/story.ts): the demo's
 * people of Vaala and Kajaani, downloads, the 403 page, and small files made in the test.
 */

export const VAALA_CONTACT = { email: 'yhteys-785@example.fi', name: 'Helena Hallila' };
export const VAALA_PARTICIPANT = { email: 'osallistuja-785@example.fi', name: 'Mikko Mäkelä' };
/** The demo's 205 is Kajaani. */
export const KAJAANI_CONTACT = { email: 'yhteys-205@example.fi', name: 'Jaana Juntunen' };

/** The season of the story, as its pages name it in each language. */
export const USO7 = {
	fi: 'USO 7. kausi 2023–2024',
	sv: 'USO säsong 7 2023–2024',
	en: 'USO season 7 2023–2024'
};

/**
 * The demo's current season, USO 8, as its pages name it. The demo places it around the day it
 * is loaded (src/lib/server/demo/uso8.ts): in these tests, today.
 */
export const USO8 = (() => {
	const { startsOn, endsOn } = uso8Period(helsinkiDate(new Date()));
	const [from, to] = [startsOn.slice(0, 4), endsOn.slice(0, 4)];
	return {
		fi: `USO 8. kausi ${from}–${to}`,
		sv: `USO säsong 8 ${from}–${to}`,
		en: `USO season 8 ${from}–${to}`,
		/** As the season's facts write its period. */
		period: `1.1.${from}–31.12.${to}`
	};
})();

/** The smallest PDF a reader opens: one empty page. Enough to stand for a minutes extract. */
export function minimalPdf(text = 'Pöytäkirjanote'): Buffer {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'
	];
	let body = `%PDF-1.4\n% ${text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '')}\n`;
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

/** Clicks a link (or button) that downloads a file and returns the file and its bytes. */
export async function download(trigger: Locator): Promise<{ file: Download; body: Buffer }> {
	const page = trigger.page();
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: STEP_TIMEOUT }),
		trigger.click()
	]);
	expect(await file.failure(), `download from ${page.url()}`).toBeNull();
	return { file, body: await readFile((await file.path())!) };
}

/**
 * The text of a .docx's paragraphs (word/document.xml), runs joined, entities decoded and
 * white space collapsed, so that a sentence can be compared as a reader sees it.
 */
export async function docxParagraphs(body: Buffer): Promise<string[]> {
	expect([...body.subarray(0, 4)], 'a .docx is a ZIP file').toEqual([0x50, 0x4b, 0x03, 0x04]);
	const zip = await JSZip.loadAsync(body);
	const xml = await zip.file('word/document.xml')?.async('string');
	expect(xml, 'word/document.xml in the .docx').toBeDefined();
	const decode = (text: string) =>
		text
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	return [...xml!.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
		.map(([paragraph]) =>
			squish(
				[...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
					.map(([, text]) => decode(text!))
					.join('')
			)
		)
		.filter((p) => p.length > 0);
}

/** Signs in with the password form of the sign-in page, in whatever language it greets. */
export async function signInAs(
	page: Page,
	origin: string,
	person: { email: string; name: string },
	greeting = `Tervetuloa, ${person.name}`
): Promise<void> {
	await page.goto(`${origin}/signin`);
	await expectHeading(page, 'Kirjaudu sisään');
	await checkAccessible(page, 'sign-in page');
	await submitPassword(page, person.email, 'verkosto-demo');
	await expectHeading(page, greeting);
	await checkAccessible(page, `front page, signed in as ${person.email}`);
}

/**
 * Hands the browser the session of someone who has already signed in once in the file (and
 * whose sign-in and front pages axe has checked then): signed in over HTTP, the cookie put in
 * the browser, so that a story moving between people does not walk the sign-in pages again.
 */
export async function switchTo(
	context: BrowserContext,
	origin: string,
	person: { email: string }
): Promise<void> {
	const http = new HttpClient(origin);
	await http.signIn(person.email);
	await context.clearCookies();
	await context.addCookies([
		{ name: 'verkosto_session', value: http.cookie('verkosto_session')!, url: origin }
	]);
}

/**
 * Opens an address the person has no right to and checks what they get: a 403 answer with
 * the "no access" page (heading and text), which is checked with axe too.
 */
export async function expectForbidden(
	page: Page,
	url: string,
	texts = { heading: 'Ei käyttöoikeutta', text: 'Sinulla ei ole oikeutta tähän sivuun.' }
): Promise<void> {
	const response = await page.goto(url);
	expect(response?.status(), `GET ${url}`).toBe(403);
	await expectHeading(page, texts.heading);
	expect(await visibleText(page.getByRole('main').getByText(texts.text))).toBe(texts.text);
	await checkAccessible(page, `403 page for ${new URL(url).pathname}`);
}

/** The description (aria-describedby) of a form field, as a screen reader reads it out. */
export async function describedBy(field: Locator): Promise<string> {
	const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
	const texts: string[] = [];
	for (const id of ids) texts.push(squish(await field.page().locator(`[id="${id}"]`).innerText()));
	return texts.join(' ');
}

/** The terms and descriptions of a facts list (dl.facts) on the page, in order. */
export async function facts(scope: Page | Locator): Promise<Record<string, string>> {
	const list = scope.locator('dl').first();
	await list.waitFor({ timeout: STEP_TIMEOUT });
	const pairs = await list.evaluate((dl) => {
		const out: [string, string][] = [];
		let term = '';
		for (const child of Array.from(dl.children)) {
			const text = ((child as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
			if (child.tagName === 'DT') term = text;
			else if (child.tagName === 'DD') out.push([term, text]);
		}
		return out;
	});
	return Object.fromEntries(pairs);
}
