import PDFDocument from 'pdfkit';
import type { ChartModel } from '$lib/domain/analysis/chart-model';
import type { Locale } from '$lib/i18n/locales';
import { documentFonts } from './fonts';

/**
 * A tagged A4 PDF written top to bottom (ADR 027, after ADR 023's invoice): a document
 * language and a title shown in the window, DejaVu Sans embedded with the PDF/UA identifier,
 * and a structure tree in reading order — H1–H3 for headings, P for paragraphs, tables with
 * TH header cells scoped to their row or column, and Figures with alternative text for charts,
 * whose shapes (chart-model.ts) are drawn as vectors. Rules are artifacts. A block that does
 * not fit the page starts the next one.
 */

const MM = 72 / 25.4;
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = 20 * MM;
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN;
const BODY_SIZE = 10;
const LINE_GAP = 1.5;
const CELL_PADDING = 3;
const RULE_COLOUR = '#444444';
const LANGUAGE_TAG: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const HEADING_SIZE = { H1: 18, H2: 13, H3: 11 } as const;

type StructureOptions = PDFKit.Mixins.StructureElementOptions & {
	scope?: 'Row' | 'Column';
	bbox?: [number, number, number, number];
};

export interface Cell {
	text: string;
	width: number;
	align?: 'left' | 'right';
	bold?: boolean;
	header?: 'Row' | 'Column';
}

export interface TaggedPdfOptions {
	language: Locale;
	title: string;
	subject: string;
	author: string;
	/** The creation date written into the file (fixed in tests). */
	now: Date;
}

export function taggedPdf(options: TaggedPdfOptions) {
	const fonts = documentFonts();
	const pdf = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		tagged: true,
		lang: LANGUAGE_TAG[options.language],
		displayTitle: true,
		pdfVersion: '1.7',
		info: {
			Title: options.title,
			Subject: options.subject,
			Author: options.author,
			Creator: 'Verkosto',
			CreationDate: options.now
		},
		// pdfkit knows 'PDF/UA' (its types do not yet): it writes the pdfuaid part.
		subset: 'PDF/UA'
	} as unknown as PDFKit.PDFDocumentOptions);
	const chunks: Buffer[] = [];
	pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<Buffer>((resolve, reject) => {
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});
	pdf.registerFont('body', fonts.regular);
	pdf.registerFont('body-bold', fonts.bold);
	const root = pdf.struct('Document');
	pdf.addStructure(root);
	let y = MARGIN;

	const setFont = (bold: boolean | undefined, size: number) =>
		pdf
			.font(bold ? 'body-bold' : 'body')
			.fontSize(size)
			.fillColor('#000000')
			.fillOpacity(1);

	const heightOf = (text: string, width: number, bold = false, size = BODY_SIZE) => {
		setFont(bold, size);
		return pdf.heightOfString(text, { width, lineGap: LINE_GAP });
	};

	function ensureSpace(height: number) {
		if (y + height > BOTTOM && y > MARGIN) {
			pdf.addPage();
			y = MARGIN;
		}
	}

	function element(
		parent: PDFKit.PDFStructureElement,
		type: string,
		draw: () => void,
		structure: StructureOptions = {}
	) {
		parent.add(pdf.struct(type, structure, draw));
	}

	function heading(text: string, level: 'H1' | 'H2' | 'H3') {
		const size = HEADING_SIZE[level];
		const height = heightOf(text, CONTENT_WIDTH, true, size);
		// keep a heading with a few lines of what follows
		ensureSpace(height + 4 * BODY_SIZE);
		if (level !== 'H1' && y > MARGIN) y += level === 'H2' ? 8 : 4;
		const top = y;
		element(root, level, () => {
			setFont(true, size);
			pdf.text(text, MARGIN, top, { width: CONTENT_WIDTH, lineGap: LINE_GAP });
		});
		y = top + height + 4;
	}

	function paragraph(text: string, o: { bold?: boolean; size?: number } = {}) {
		const size = o.size ?? BODY_SIZE;
		const height = heightOf(text, CONTENT_WIDTH, o.bold, size);
		ensureSpace(Math.min(height, 4 * size));
		const top = y;
		element(root, 'P', () => {
			setFont(o.bold, size);
			pdf.text(text, MARGIN, top, { width: CONTENT_WIDTH, lineGap: LINE_GAP });
		});
		// a long paragraph flows onto the next page by itself; pdf.y is where it ended
		y = (pdf.y > top ? pdf.y : top + height) + 5;
	}

	function rule() {
		pdf.markContent('Artifact', { type: 'Layout' });
		pdf
			.moveTo(MARGIN, y)
			.lineTo(MARGIN + CONTENT_WIDTH, y)
			.lineWidth(0.5)
			.strokeColor(RULE_COLOUR)
			.stroke();
		pdf.endMarkedContent();
	}

	/** A table: rows of cells, the first row (if `header`) the column headers, repeated on a new page. */
	function table(rows: Cell[][], o: { header?: boolean } = {}) {
		const tableElement = pdf.struct('Table');
		root.add(tableElement);
		const headerRow = o.header ? rows[0] : undefined;
		// a table's header row never stands alone at the foot of a page
		if (headerRow) ensureSpace(3 * (BODY_SIZE * 2 + 2 * CELL_PADDING));
		const drawRow = (cells: Cell[]) => {
			const height =
				Math.max(
					...cells.map((c) => heightOf(c.text, c.width - 2 * CELL_PADDING, c.bold || !!c.header))
				) +
				2 * CELL_PADDING;
			if (y + height > BOTTOM) {
				pdf.addPage();
				y = MARGIN;
				if (headerRow && cells !== headerRow) drawRow(headerRow);
			}
			const top = y;
			const tr = pdf.struct('TR');
			tableElement.add(tr);
			let left = MARGIN;
			for (const cell of cells) {
				const x = left;
				element(
					tr,
					cell.header ? 'TH' : 'TD',
					() => {
						setFont(cell.bold || !!cell.header, BODY_SIZE);
						pdf.text(cell.text, x + CELL_PADDING, top + CELL_PADDING, {
							width: cell.width - 2 * CELL_PADDING,
							align: cell.align ?? 'left',
							lineGap: LINE_GAP
						});
					},
					cell.header ? { scope: cell.header } : {}
				);
				left += cell.width;
			}
			tr.end();
			y = top + height;
			if (cells === headerRow) rule();
		};
		for (const cells of rows) drawRow(cells);
		tableElement.end();
		y += 6;
	}

	/** Draws a chart model's shapes scaled into a box at (x, top), `width` wide. */
	function drawShapes(model: ChartModel, x: number, top: number, width: number) {
		const k = width / model.width;
		const X = (v: number) => x + v * k;
		const Y = (v: number) => top + v * k;
		for (const s of model.shapes) {
			pdf.save();
			switch (s.kind) {
				case 'polygon': {
					const [first, ...rest] = s.points;
					if (!first) break;
					pdf.moveTo(X(first[0]), Y(first[1]));
					for (const [px, py] of rest) pdf.lineTo(X(px), Y(py));
					pdf.closePath();
					paint(s.fill, s.fillOpacity, s.stroke, s.strokeWidth * k);
					break;
				}
				case 'line':
					pdf.moveTo(X(s.x1), Y(s.y1)).lineTo(X(s.x2), Y(s.y2));
					paint(null, 1, s.stroke, s.strokeWidth * k);
					break;
				case 'rect':
					pdf.rect(X(s.x), Y(s.y), s.width * k, s.height * k);
					paint(s.fill, 1, s.stroke, s.strokeWidth * k);
					break;
				case 'text': {
					const size = Math.max(6, s.size * k);
					setFont(false, size);
					const w = pdf.widthOfString(s.text);
					const left =
						s.anchor === 'start' ? X(s.x) : s.anchor === 'end' ? X(s.x) - w : X(s.x) - w / 2;
					const baselineShift =
						s.baseline === 'hanging' ? 0 : s.baseline === 'middle' ? size * 0.5 : size * 0.85;
					pdf.fillColor(s.fill).text(s.text, left, Y(s.y) - baselineShift, { lineBreak: false });
					break;
				}
			}
			pdf.restore();
		}
	}

	function paint(fill: string | null, opacity: number, stroke: string | null, lineWidth: number) {
		if (fill) pdf.fillColor(fill).fillOpacity(opacity);
		if (stroke) pdf.strokeColor(stroke).lineWidth(lineWidth);
		if (fill && stroke) pdf.fillAndStroke(fill, stroke);
		else if (fill) pdf.fill(fill);
		else if (stroke) pdf.stroke();
	}

	/**
	 * A chart as a Figure with alternative text: one or more chart models stacked, each with an
	 * optional caption drawn beside it (inside the figure; the alt text says it all).
	 */
	function figure(
		alt: string,
		parts: { model: ChartModel; width: number; caption?: string; captionWidth?: number }[]
	) {
		const heights = parts.map((p) => (p.model.height * p.width) / p.model.width);
		const height = heights.reduce((a, b) => a + b + 4, 0);
		ensureSpace(height);
		const top = y;
		const bbox: [number, number, number, number] = [
			MARGIN,
			top,
			MARGIN + CONTENT_WIDTH,
			top + height
		];
		element(
			root,
			'Figure',
			() => {
				let at = top;
				parts.forEach((p, i) => {
					const captionWidth = p.caption ? (p.captionWidth ?? 150) : 0;
					if (p.caption) {
						setFont(false, 8.5);
						pdf.text(p.caption, MARGIN, at + heights[i]! / 2 - 5, {
							width: captionWidth - 6,
							lineBreak: false,
							ellipsis: true
						});
					}
					drawShapes(p.model, MARGIN + captionWidth, at, p.width);
					at += heights[i]! + 4;
				});
			},
			{ alt, bbox }
		);
		y = top + height + 6;
	}

	return {
		heading,
		paragraph,
		table,
		figure,
		rule,
		space: (points: number) => {
			y += points;
		},
		finish(): Promise<Buffer> {
			root.end();
			pdf.end();
			return finished;
		}
	};
}
