import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecisionProposal, type ProposalInput } from '$lib/domain/decision-proposal';
import { renderProposalDocx } from './render-proposal-docx';

const run = promisify(execFile);

/** Vaala joining USO 7, as in the board's minutes in shared/seed/. */
const vaala: ProposalInput = {
	locale: 'fi',
	network: { name: 'Uuden sukupolven organisaatiot (USO) -verkosto', shortName: 'USO' },
	season: {
		number: 7,
		startsOn: '2023-01-01',
		endsOn: '2024-12-31',
		leadTheme: 'Uudistuvien kuntien johtaminen',
		description:
			'Verkosto käynnistää toimintansa aikaan, jolloin kunnat ja kaupungit kohtaavat suuria muutoksia.',
		focusAreas: [
			'Strateginen johtaminen ja ennakointi',
			'Yhteistyömallit hyvinvointialueiden kanssa',
			'Työllisyys- ja elinvoimaekosysteemien johtaminen'
		],
		programme: {
			seminars: 4,
			workSeminars: 4,
			contactPersonMeetings: null,
			currentAffairsReviews: null,
			peerDiscussions: null,
			developmentEvents: null
		},
		workshopsPerMunicipality: 5,
		situationAnalysesPerMunicipality: 1,
		hasPresentation: true
	},
	municipality: { name: 'Vaala', code: '785', population: 2_987 },
	fee: { tierName: 'Pienet kunnat', yearlyFeeCents: 900_000, vatTreatment: 'vat_exempt' },
	body: 'kunnanhallitus',
	presenterTitle: 'kunnanjohtaja',
	contactPersonTitle: 'hallintojohtaja',
	onSiteGroups: ['board', 'council_presidium', 'management_team']
};

/** The sentences of the seed, in the order the minutes give them. */
const KEY_SENTENCES = [
	'Osallistuminen USO-verkoston 7. kaudelle 2023–2024',
	'Verkoston yhteinen toiminta:',
	'neljä vuorovaikutuksellista seminaaria',
	'vertaiskeskustelut ja kehittämistilaisuudet',
	'Kuntakohtainen toiminta:',
	'viisi kehittämistyöpajaa kunnan omaan kehittämistoimintaan',
	'kunnan tilanneanalyysi',
	'9\u00a0000 euroa / vuosi',
	'asiantuntijoiden matkakustannukset toteutuneiden kulujen mukaisesti',
	'Kauden esittelyaineisto on esityslistan liitteenä.',
	'Esittelijä: kunnanjohtaja',
	'Kunnanhallitus päättää, että',
	'1) Vaala osallistuu Uuden sukupolven organisaatiot (USO) -verkoston 7. kaudelle ajalla 2023–2024.',
	'2) Verkostoyhdyshenkilöksi nimetään hallintojohtaja.',
	'3) Kunnanhallituksen jäsenet, kunnanvaltuuston puheenjohtajisto ja johtoryhmän jäsenet voivat osallistua USO-verkoston seminaareihin paikan päällä.'
];

function decodeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** The text of word/document.xml, one line per paragraph. */
function paragraphText(xml: string): string {
	return decodeXml(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''));
}

function expectInOrder(text: string, pieces: readonly string[]): void {
	let at = -1;
	for (const piece of pieces) {
		const found = text.indexOf(piece, at + 1);
		expect(found, `"${piece}" after position ${at}`).toBeGreaterThan(at);
		at = found;
	}
}

function executable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** A program on the PATH or at one of the given places, or null. */
function findProgram(names: readonly string[]): string | null {
	const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean)];
	for (const name of names) {
		for (const dir of dirs) {
			const file = path.join(dir, name);
			if (executable(file)) return file;
		}
	}
	return null;
}

const libreOffice = process.env.LIBREOFFICE_PATH || findProgram(['libreoffice', 'soffice']);
const pdftotext = findProgram(['pdftotext']);
const requireLibreOffice = process.env.VERKOSTO_REQUIRE_LIBREOFFICE === '1';
if (!libreOffice) {
	console.warn(
		'LibreOffice not found: skipping the check that the decision proposal .docx opens in it. ' +
			'Install it with `apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils` ' +
			'or set LIBREOFFICE_PATH; set VERKOSTO_REQUIRE_LIBREOFFICE=1 to make its absence fail.'
	);
}

const workDirs: string[] = [];
afterAll(async () => {
	await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('renderProposalDocx', () => {
	const proposal = buildDecisionProposal(vaala);
	const rendered = renderProposalDocx(proposal, { municipalityName: 'Vaala', locale: 'fi' });

	it('holds the proposal for Vaala, sentence by sentence in the order of the seed', async () => {
		const zip = await JSZip.loadAsync(await rendered);
		const xml = await zip.file('word/document.xml')!.async('string');
		expectInOrder(paragraphText(xml), KEY_SENTENCES);
	});

	it('is plain: a Heading 1 title, real bullets, a bold intro, no tables, text boxes or images', async () => {
		const zip = await JSZip.loadAsync(await rendered);
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
		expect(xml).not.toMatch(/<w:tbl>|<w:txbxContent|<w:drawing|<w:pict/);
		// five joint activities, two municipality-specific ones, three focus areas
		expect(xml.match(/<w:numPr>/g)).toHaveLength(10);
		const intro = xml.indexOf('Kunnanhallitus päättää, että');
		expect(xml.lastIndexOf('<w:b/>', intro)).toBeGreaterThan(xml.lastIndexOf('<w:p>', intro));
		const numbering = await zip.file('word/numbering.xml')!.async('string');
		expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
	});

	it('sets the language, Arial 12, an A4 page with 2 cm margins and the core properties', async () => {
		const zip = await JSZip.loadAsync(await rendered);
		const styles = await zip.file('word/styles.xml')!.async('string');
		expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="fi-FI"\/>.*<\/w:docDefaults>/s);
		expect(styles).toMatch(
			/<w:docDefaults>.*w:ascii="Arial".*<w:sz w:val="24"\/>.*<\/w:docDefaults>/s
		);
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
		expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
		const core = decodeXml(await zip.file('docProps/core.xml')!.async('string'));
		expect(core).toContain(
			'<dc:title>Osallistuminen USO-verkoston 7. kaudelle 2023–2024</dc:title>'
		);
		expect(core).toContain('<dc:creator>Verkosto</dc:creator>');
	});

	it('tags Swedish and English documents with their language', async () => {
		for (const [locale, tag] of [
			['sv', 'sv-FI'],
			['en', 'en-GB']
		] as const) {
			const buffer = await renderProposalDocx(buildDecisionProposal({ ...vaala, locale }), {
				municipalityName: 'Vaala',
				locale
			});
			const styles = await (await JSZip.loadAsync(buffer)).file('word/styles.xml')!.async('string');
			expect(styles).toContain(`<w:lang w:val="${tag}"/>`);
		}
	});

	it.skipIf(!libreOffice && !requireLibreOffice)(
		'opens in LibreOffice, which turns it into a PDF with the proposal in it',
		async () => {
			if (!libreOffice) {
				throw new Error(
					'VERKOSTO_REQUIRE_LIBREOFFICE=1 but LibreOffice was not found: ' +
						'apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils'
				);
			}
			const dir = await mkdtemp(path.join(tmpdir(), 'verkosto-proposal-'));
			workDirs.push(dir);
			// a profile of its own, so that parallel runs do not wait on each other's lock
			const profile = path.join(tmpdir(), `lo-${randomUUID()}`);
			workDirs.push(profile);
			const docx = path.join(dir, 'paatosehdotus-vaala.docx');
			await writeFile(docx, await rendered);
			await run(
				libreOffice,
				[
					`-env:UserInstallation=file://${profile}`,
					'--headless',
					'--convert-to',
					'pdf',
					'--outdir',
					dir,
					docx
				],
				{ timeout: 120_000, cwd: dir }
			);
			const pdfName = (await readdir(dir)).find((f) => f.endsWith('.pdf'));
			expect(pdfName, 'LibreOffice wrote no PDF').toBeDefined();
			const pdfFile = path.join(dir, pdfName!);
			const pdf = await readFile(pdfFile);
			expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
			expect(pdf.length).toBeGreaterThan(1024);
			if (pdftotext) {
				const { stdout } = await run(pdftotext, ['-enc', 'UTF-8', pdfFile, '-'], {
					timeout: 30_000
				});
				expect(stdout).toContain('Verkostoyhdyshenkilöksi');
				expect(stdout.replace(/\s+/g, ' ')).toContain('Kunnanhallitus päättää, että');
			}
		},
		150_000
	);
});
