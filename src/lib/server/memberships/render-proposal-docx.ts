import {
	AlignmentType,
	Document,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	TextRun
} from 'docx';
import type { ProposalDocument } from '$lib/domain/decision-proposal';
import type { Locale } from '$lib/i18n/locales';

/** Word's language tags; Swedish is the Swedish of Finland. */
const LANGUAGE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const BULLETS = 'proposal-bullets';
const FONT = 'Arial';
/** Half-points. */
const BODY_SIZE = 24;
const TITLE_SIZE = 32;
/** Twips: A4 is 210 × 297 mm, margins 2 cm. */
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_134;
/** Twips of space after a paragraph (6 pt). */
const AFTER = 120;

function plain(text: string, options: { keepNext?: boolean } = {}): Paragraph {
	return new Paragraph({ children: [new TextRun(text)], keepNext: options.keepNext });
}

/**
 * The decision proposal as a .docx for a municipality's case-management system: one column of
 * plain paragraphs and real bulleted lists, with no tables, text boxes or images, so that the
 * text survives being copied into an agenda. Numbered decisions are written "1) …" in the text
 * itself rather than as list numbering, because that is what survives copying.
 */
export async function renderProposalDocx(
	doc: ProposalDocument,
	meta: { municipalityName: string; locale: Locale }
): Promise<Buffer> {
	const children: Paragraph[] = [
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.title)] }),
		...doc.background.map((p) => plain(p))
	];
	for (const section of doc.sections) {
		children.push(plain(section.heading, { keepNext: true }));
		section.items.forEach((item, i) => {
			const last = i === section.items.length - 1;
			children.push(
				new Paragraph({
					children: [new TextRun(item)],
					numbering: { reference: BULLETS, level: 0 },
					spacing: { after: last ? AFTER : 0 },
					keepNext: !last
				})
			);
		});
	}
	children.push(...doc.fees.map((p) => plain(p)));
	children.push(plain(doc.presenter));
	children.push(
		new Paragraph({
			children: [new TextRun({ text: doc.proposalIntro, bold: true })],
			keepNext: true
		})
	);
	children.push(...doc.proposalItems.map((item, i) => plain(`${i + 1}) ${item}`)));

	const file = new Document({
		title: doc.title,
		subject: meta.municipalityName,
		creator: 'Verkosto',
		lastModifiedBy: 'Verkosto',
		styles: {
			default: {
				document: {
					run: { font: FONT, size: BODY_SIZE, language: { value: LANGUAGE[meta.locale] } },
					paragraph: { spacing: { after: AFTER } }
				},
				heading1: {
					run: { font: FONT, size: TITLE_SIZE, bold: true, color: '000000' },
					paragraph: { spacing: { before: 0, after: 240 }, keepNext: true, outlineLevel: 0 }
				}
			}
		},
		numbering: {
			config: [
				{
					reference: BULLETS,
					levels: [
						{
							level: 0,
							format: LevelFormat.BULLET,
							text: '\u2022',
							alignment: AlignmentType.LEFT,
							style: { paragraph: { indent: { left: 720, hanging: 360 } } }
						}
					]
				}
			]
		},
		sections: [
			{
				properties: {
					page: {
						size: A4,
						margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN }
					}
				},
				children
			}
		]
	});
	return Packer.toBuffer(file);
}
