import PDFDocument from 'pdfkit';
import { formatIban } from '$lib/domain/billing/bank-account';
import type { InvoiceDocument } from '$lib/domain/billing/invoice-document';
import { formatNationalReference, formatRfReference } from '$lib/domain/billing/reference-number';
import { code128CSymbols } from '$lib/domain/billing/virtual-barcode';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDate, formatMoney } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/translate';
import { documentFonts } from '../../documents/fonts';
import { code128Bars } from './code128-bars';
import { decimalPercent, decimalQuantity } from './xml-values';

/**
 * An invoice or credit note as a PDF in the buyer's language, drawn with pdfkit and tagged
 * for assistive technology (ADR 023): the document has a title shown in the window, a
 * language, and a structure tree in reading order — H1 for the title, H2 for each part,
 * P for paragraphs, tables with header cells (TH, scoped to their column or row) for the
 * details, the lines, the VAT and the bank transfer form, and a Figure with alternative text
 * for the bar code. Rules and boxes are marked as artifacts.
 *
 * An invoice ends with the bank transfer form (tilisiirtolomake) at the foot of its last page:
 * the payee's IBAN and BIC, payee, payer, reference, due date and amount, and the bank bar code
 * drawn as Code 128 bars from the domain's symbols of the 54-digit virtual bar code.
 *
 * Fonts: DejaVu Sans (../../documents/fonts.ts) or the given font files are embedded, and the
 * file says PDF/UA; `fonts: 'standard'` uses the standard Helvetica instead, which pdfkit does
 * not embed and which covers only Windows-1252 (ä, ö, å, €, – are in it; any other character
 * is written as "?").
 */

export interface InvoicePdfFonts {
	/** A TrueType/OpenType file (path or bytes) for body text. */
	regular: string | Buffer;
	bold: string | Buffer;
}

export interface InvoicePdfOptions {
	/** Default: the shipped DejaVu Sans. */
	fonts?: InvoicePdfFonts | 'standard';
	/** The creation date written into the file (fixed in tests). */
	now?: Date;
}

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 20 * MM;
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN;
/** The bank transfer form takes the lowest 101.6 mm of the page (Finance Finland's layout). */
const FORM_HEIGHT = 101.6 * MM;
/** Bar code: a module of 0.3 mm, 13 mm high, a quiet zone of 10 modules each side. */
const MODULE = 0.3 * MM;
const BAR_HEIGHT = 13 * MM;
const QUIET = 10 * MODULE;

const LANGUAGE_TAG = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' } as const;

const BODY_SIZE = 9;
const SMALL_SIZE = 7;
const LINE_GAP = 1;
const CELL_PADDING = 2;
const RULE_COLOUR = '#444444';

/** Windows-1252 beyond Latin-1: what the standard fonts can show besides U+0000–U+00FF. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can encode: narrow spaces as no-break spaces, minus as hyphen. */
export function winAnsiText(text: string): string {
	return [...text]
		.map((c) => {
			if (c === '\u202f' || c === '\u2009' || c === '\u2007') return '\u00a0';
			if (c === '\u2212') return '-';
			return c.codePointAt(0)! <= 0xff || WIN_ANSI_EXTRA.has(c) ? c : '?';
		})
		.join('');
}

type StructureOptions = PDFKit.Mixins.StructureElementOptions & {
	/** Table header scope (pdfkit writes the Table attribute Scope). */
	scope?: 'Row' | 'Column';
	/** The Figure's box, [left, top, right, bottom] from the page's top left. */
	bbox?: [number, number, number, number];
};

interface Cell {
	text: string;
	width: number;
	align?: 'left' | 'right';
	bold?: boolean;
	/** A second, smaller line under the text (a line's period). */
	detail?: string;
	header?: 'Row' | 'Column';
}

export function renderInvoicePdf(
	doc: InvoiceDocument,
	options: InvoicePdfOptions = {}
): Promise<Buffer> {
	const t = serverTranslator(doc.language);
	const locale = doc.language;
	const credit = doc.kind === 'credit_note';
	const kind = t(credit ? 'invoices.doc.creditNote' : 'invoices.doc.invoice');
	const title = t('invoices.doc.title', { kind, number: doc.number });
	const fonts = options.fonts === 'standard' ? undefined : (options.fonts ?? documentFonts());
	const embedded = fonts !== undefined;
	const show = embedded ? (s: string) => s : winAnsiText;
	const money = (cents: number) => formatMoney(locale, cents);
	const day = (d: string) => formatDate(locale, d);
	const percent = (bp: number) => t('invoices.doc.percent', { rate: decimalPercent(bp, ',') });

	const pdfOptions = {
		size: 'A4',
		margin: MARGIN,
		tagged: true,
		lang: LANGUAGE_TAG[doc.language],
		displayTitle: true,
		pdfVersion: '1.7',
		info: {
			Title: title,
			Subject: t('invoices.doc.subject', {
				kind,
				number: doc.number,
				seller: doc.seller.name,
				buyer: doc.buyer.name
			}),
			Author: doc.seller.name,
			Creator: 'Verkosto',
			CreationDate: options.now ?? new Date()
		},
		// pdfkit knows 'PDF/UA' (its types do not yet): it writes the pdfuaid part.
		...(embedded ? { subset: 'PDF/UA' } : {})
	} as PDFKit.PDFDocumentOptions;
	const pdf = new PDFDocument(pdfOptions);
	const chunks: Buffer[] = [];
	pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<Buffer>((resolve, reject) => {
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});

	let regular = 'Helvetica';
	let bold = 'Helvetica-Bold';
	if (fonts) {
		pdf.registerFont('body', fonts.regular);
		pdf.registerFont('body-bold', fonts.bold);
		regular = 'body';
		bold = 'body-bold';
	}

	const root = pdf.struct('Document');
	pdf.addStructure(root);
	let y = MARGIN;

	const setFont = (isBold: boolean | undefined, size: number) =>
		pdf
			.font(isBold ? bold : regular)
			.fontSize(size)
			.fillColor('#000000');

	function heightOf(text: string, width: number, isBold = false, size = BODY_SIZE): number {
		setFont(isBold, size);
		return pdf.heightOfString(show(text), { width, lineGap: LINE_GAP });
	}

	function write(text: string, x: number, top: number, width: number, o: Partial<Cell> = {}) {
		setFont(o.bold, BODY_SIZE);
		pdf.text(show(text), x, top, { width, align: o.align ?? 'left', lineGap: LINE_GAP });
	}

	function element(
		parent: PDFKit.PDFStructureElement,
		type: string,
		draw: () => void,
		structure: StructureOptions = {}
	) {
		parent.add(pdf.struct(type, structure, draw));
	}

	/**
	 * Lines drawn apart (an address, a line's period under its description) have no space
	 * between them in the content; the element's ActualText gives assistive technology the
	 * text with them separated.
	 */
	function spoken(text: string): StructureOptions {
		return text.includes('\n') ? { actual: text.split('\n').join(', ') } : {};
	}

	function artifact(draw: () => void) {
		pdf.markContent('Artifact', { type: 'Layout' });
		draw();
		pdf.endMarkedContent();
	}

	function rule(top: number, weight = 0.5) {
		artifact(() => {
			pdf
				.moveTo(MARGIN, top)
				.lineTo(MARGIN + WIDTH, top)
				.lineWidth(weight)
				.strokeColor(RULE_COLOUR)
				.stroke();
		});
	}

	function ensureSpace(height: number) {
		if (y + height > BOTTOM) {
			pdf.addPage();
			y = MARGIN;
		}
	}

	function heading(text: string, level: 'H1' | 'H2', x = MARGIN, width = WIDTH) {
		const size = level === 'H1' ? 18 : 10.5;
		const height = heightOf(text, width, true, size);
		ensureSpace(height + (level === 'H2' ? 3 * BODY_SIZE : 0));
		const top = y;
		element(root, level, () => {
			setFont(true, size);
			pdf.text(show(text), x, top, { width, lineGap: LINE_GAP });
		});
		y = top + height + (level === 'H1' ? 8 : 3);
	}

	function paragraph(text: string, x = MARGIN, width = WIDTH, parent = root) {
		const height = heightOf(text, width);
		ensureSpace(height);
		const top = y;
		element(parent, 'P', () => write(text, x, top, width), spoken(text));
		y = top + height + 6;
	}

	function cellHeight(cell: Cell): number {
		const main = heightOf(cell.text, cell.width - 2 * CELL_PADDING, cell.bold);
		const detail = cell.detail
			? heightOf(cell.detail, cell.width - 2 * CELL_PADDING, false, SMALL_SIZE)
			: 0;
		return main + detail + 2 * CELL_PADDING;
	}

	/** A table row: each cell a TH or TD structure element, drawn side by side. */
	function row(table: PDFKit.PDFStructureElement, cells: Cell[], x = MARGIN) {
		const height = Math.max(...cells.map(cellHeight));
		ensureSpace(height);
		const top = y;
		const tr = pdf.struct('TR');
		table.add(tr);
		let left = x;
		for (const cell of cells) {
			const cellLeft = left;
			element(
				tr,
				cell.header ? 'TH' : 'TD',
				() => {
					const inner = cell.width - 2 * CELL_PADDING;
					write(cell.text, cellLeft + CELL_PADDING, top + CELL_PADDING, inner, cell);
					if (cell.detail) {
						setFont(false, SMALL_SIZE);
						pdf.text(show(cell.detail), cellLeft + CELL_PADDING, pdf.y, {
							width: inner,
							align: cell.align ?? 'left',
							lineGap: LINE_GAP
						});
					}
				},
				{
					...(cell.header ? { scope: cell.header } : {}),
					...spoken(cell.detail ? `${cell.text}\n${cell.detail}` : cell.text)
				}
			);
			left += cell.width;
		}
		tr.end();
		y = top + height;
	}

	function table(build: (t: PDFKit.PDFStructureElement) => void) {
		const tableElement = pdf.struct('Table');
		root.add(tableElement);
		build(tableElement);
		tableElement.end();
		y += 5;
	}

	/** Label–value rows: the label a row header. */
	function detailsTable(
		rows: [MessageKey, string][],
		x: number,
		width: number,
		labelWidth: number
	) {
		table((tbl) => {
			for (const [label, value] of rows) {
				row(
					tbl,
					[
						{ text: t(label), width: labelWidth, header: 'Row', bold: true },
						{ text: value, width: width - labelWidth }
					],
					x
				);
			}
		});
	}

	// Title
	heading(title, 'H1');
	if (doc.credited) {
		paragraph(
			[
				t('invoices.doc.credits', {
					number: doc.credited.number,
					date: day(doc.credited.issueDate)
				}),
				doc.credited.completesCredit ? t('invoices.doc.creditsAll') : ''
			]
				.filter(Boolean)
				.join(' ')
		);
	}

	// The buyer and the seller in the left column, the invoice's details in the right one.
	const columnWidth = (WIDTH - 20) / 2;
	const rightColumn = MARGIN + columnWidth + 20;
	const { seller, buyer } = doc;
	const sellerLines = [
		seller.name,
		seller.address.street,
		`${seller.address.postalCode} ${seller.address.city}`,
		`${t('invoices.doc.businessId')} ${seller.businessId}`,
		seller.vatNumber ? `${t('invoices.doc.vatNumber')} ${seller.vatNumber}` : '',
		seller.email ? `${t('invoices.doc.email')} ${seller.email}` : '',
		seller.phone ? `${t('invoices.doc.phone')} ${seller.phone}` : ''
	];
	const buyerLines = [
		buyer.name,
		buyer.address.street,
		`${buyer.address.postalCode} ${buyer.address.city}`,
		buyer.businessId ? `${t('invoices.doc.businessId')} ${buyer.businessId}` : '',
		buyer.eInvoiceAddress
			? `${t('invoices.doc.eInvoiceAddress')} ${buyer.eInvoiceAddress.value}`
			: '',
		buyer.eInvoiceOperator ? `${t('invoices.doc.operator')} ${buyer.eInvoiceOperator.value}` : ''
	];
	const columnsTop = y;
	for (const [label, lines] of [
		['invoices.doc.buyer', buyerLines],
		['invoices.doc.seller', sellerLines]
	] as const) {
		heading(t(label), 'H2', MARGIN, columnWidth);
		paragraph(lines.filter(Boolean).join('\n'), MARGIN, columnWidth);
	}
	const leftBottom = y;
	y = columnsTop;

	heading(t('invoices.doc.details'), 'H2', rightColumn, columnWidth);
	const payment = doc.payment;
	const details: [MessageKey, string | null][] = [
		[credit ? 'invoices.doc.creditNumber' : 'invoices.doc.number', doc.number],
		['invoices.doc.issueDate', day(doc.issueDate)],
		['invoices.doc.dueDate', doc.dueDate ? day(doc.dueDate) : null],
		['invoices.doc.deliveryDate', doc.deliveryDate ? day(doc.deliveryDate) : null],
		[
			'invoices.doc.invoicePeriod',
			doc.invoicePeriod ? `${day(doc.invoicePeriod.start)}–${day(doc.invoicePeriod.end)}` : null
		],
		['invoices.doc.buyerReference', buyer.buyerReference],
		['invoices.doc.orderReference', buyer.orderReference],
		['invoices.doc.reference', credit ? null : formatNationalReference(payment.reference)],
		['invoices.doc.rfReference', credit ? null : formatRfReference(payment.rfReference)],
		['invoices.doc.paymentTerms', credit ? null : payment.paymentTerms],
		[
			'invoices.doc.penaltyInterest',
			credit
				? null
				: payment.penaltyInterestBasisPoints === null
					? t('invoices.doc.penaltyInterestAct')
					: percent(payment.penaltyInterestBasisPoints)
		]
	];
	detailsTable(
		details.filter((d): d is [MessageKey, string] => d[1] !== null && d[1] !== ''),
		rightColumn - CELL_PADDING,
		columnWidth + CELL_PADDING,
		100
	);
	y = Math.max(y, leftBottom) + 4;

	// Lines
	heading(t(credit ? 'invoices.doc.creditLines' : 'invoices.doc.lines'), 'H2');
	const columns = [WIDTH - 70 - 85 - 45 - 90, 70, 85, 45, 90];
	table((tbl) => {
		row(
			tbl,
			(
				[
					'invoices.doc.col.description',
					'invoices.doc.col.quantity',
					'invoices.doc.col.unitPrice',
					'invoices.doc.col.vatRate',
					'invoices.doc.col.net'
				] as const
			).map((key, i): Cell => ({
				text: t(key),
				width: columns[i]!,
				align: i === 0 ? 'left' : 'right',
				bold: true,
				header: 'Column'
			}))
		);
		rule(y);
		for (const line of doc.lines) {
			row(tbl, [
				{
					text: line.description,
					width: columns[0]!,
					detail: line.period
						? t('invoices.doc.period', {
								start: day(line.period.start),
								end: day(line.period.end)
							})
						: undefined
				},
				{
					text: `${decimalQuantity(line.quantityTenThousandths, ',')} ${t(`invoices.unit.${line.unitCode}`)}`,
					width: columns[1]!,
					align: 'right'
				},
				{ text: money(line.unitPriceCents), width: columns[2]!, align: 'right' },
				{
					text: t(`invoices.doc.vat.${line.vatCategory}`, {
						rate: decimalPercent(line.vatBasisPoints ?? 0, ',')
					}),
					width: columns[3]!,
					align: 'right'
				},
				{ text: money(line.netCents), width: columns[4]!, align: 'right' }
			]);
		}
	});
	rule(y - 5);

	// VAT breakdown and totals
	heading(t('invoices.doc.vatBreakdown'), 'H2');
	const vatColumns = [WIDTH - 2 * 110, 110, 110];
	table((tbl) => {
		row(
			tbl,
			(
				[
					'invoices.doc.col.vatCategory',
					'invoices.doc.col.taxable',
					'invoices.doc.col.vatAmount'
				] as const
			).map((key, i): Cell => ({
				text: t(key),
				width: vatColumns[i]!,
				align: i === 0 ? 'left' : 'right',
				bold: true,
				header: 'Column'
			}))
		);
		for (const group of doc.totals.breakdown) {
			row(tbl, [
				{
					text: t(`invoices.doc.vat.${group.vatCategory}`, {
						rate: decimalPercent(group.vatBasisPoints ?? 0, ',')
					}),
					width: vatColumns[0]!,
					detail: group.exemptionReason
						? t('invoices.doc.exemptionReason', { reason: group.exemptionReason })
						: undefined
				},
				{ text: money(group.taxableCents), width: vatColumns[1]!, align: 'right' },
				{ text: money(group.vatCents), width: vatColumns[2]!, align: 'right' }
			]);
		}
	});
	const totalsLabel = WIDTH - 110;
	table((tbl) => {
		const totals: [MessageKey, number, boolean][] = [
			['invoices.doc.totalNet', doc.totals.netCents, false],
			['invoices.doc.totalVat', doc.totals.vatCents, false],
			[credit ? 'invoices.doc.totalCredit' : 'invoices.doc.totalGross', doc.totals.grossCents, true]
		];
		for (const [label, cents, strong] of totals) {
			row(tbl, [
				{ text: t(label), width: totalsLabel, align: 'right', header: 'Row', bold: strong },
				{ text: money(cents), width: 110, align: 'right', bold: strong }
			]);
		}
	});

	if (doc.note) {
		heading(t('invoices.doc.note'), 'H2');
		paragraph(doc.note);
	}

	if (credit) {
		heading(t('invoices.doc.payment'), 'H2');
		paragraph(t('invoices.doc.nothingToPay'));
	} else {
		const reference =
			payment.preferred === 'rf'
				? formatRfReference(payment.rfReference)
				: formatNationalReference(payment.reference);
		if (!payment.virtualBarcode) {
			heading(t('invoices.doc.payment'), 'H2');
			paragraph(t('invoices.doc.noBarcode'));
		}
		drawTransferForm(reference);
	}

	function drawTransferForm(reference: string) {
		const formTop = PAGE.height - FORM_HEIGHT;
		if (y > formTop - 6) {
			pdf.addPage();
			y = MARGIN;
		}
		// The cut line, dashed, across the page.
		artifact(() => {
			pdf
				.moveTo(0, formTop)
				.lineTo(PAGE.width, formTop)
				.dash(3, { space: 3 })
				.lineWidth(0.5)
				.strokeColor(RULE_COLOUR)
				.stroke()
				.undash();
		});
		y = formTop + 8;
		heading(t('invoices.form.title'), 'H2');
		const left = MARGIN;
		const split = MARGIN + WIDTH * 0.62;
		const right = MARGIN + WIDTH;
		const rowsTop = y;
		const h = [34, 30, 52, 30];
		const tops = [rowsTop];
		for (const height of h) tops.push(tops.at(-1)! + height);
		// Boxes: account | BIC; payee; payer; reference | due date | amount.
		const third = (right - left) / 3;
		const boxes: [number, number, number, number][] = [
			[left, tops[0]!, split - left, h[0]!],
			[split, tops[0]!, right - split, h[0]!],
			[left, tops[1]!, right - left, h[1]!],
			[left, tops[2]!, right - left, h[2]!],
			[left, tops[3]!, third, h[3]!],
			[left + third, tops[3]!, third, h[3]!],
			[left + 2 * third, tops[3]!, third, h[3]!]
		];
		artifact(() => {
			pdf.lineWidth(0.75).strokeColor('#000000');
			for (const [x, top, w, height] of boxes) pdf.rect(x, top, w, height).stroke();
		});
		const fields: [MessageKey, string, number][] = [
			['invoices.form.payeeAccount', formatIban(seller.iban), 0],
			['invoices.doc.bic', seller.bic, 1],
			['invoices.form.payee', seller.name, 2],
			[
				'invoices.form.payer',
				[
					buyer.name,
					buyer.address.street,
					`${buyer.address.postalCode} ${buyer.address.city}`
				].join('\n'),
				3
			],
			['invoices.form.reference', reference, 4],
			['invoices.form.dueDate', doc.dueDate ? day(doc.dueDate) : '', 5],
			['invoices.form.amount', money(doc.totals.grossCents), 6]
		];
		const formTable = pdf.struct('Table');
		root.add(formTable);
		for (const [label, value, box] of fields) {
			const [x, top, w] = boxes[box]!;
			const tr = pdf.struct('TR');
			formTable.add(tr);
			const labelText = t(label);
			element(
				tr,
				'TH',
				() => {
					setFont(false, SMALL_SIZE);
					pdf.text(show(labelText), x + CELL_PADDING, top + 2, { width: w - 2 * CELL_PADDING });
				},
				{ scope: 'Row' }
			);
			element(
				tr,
				'TD',
				() => {
					setFont(box >= 4, box >= 4 ? 10 : BODY_SIZE);
					pdf.text(show(value), x + CELL_PADDING, top + 2 + SMALL_SIZE + 4, {
						width: w - 2 * CELL_PADDING,
						lineGap: 0.5
					});
				},
				spoken(value)
			);
			tr.end();
		}
		formTable.end();

		const digits = payment.virtualBarcode;
		if (!digits) return;
		// The 54 digits to copy into an online bank, then the bars that hold them.
		const digitsTop = tops[4]! + 4;
		const digitsText = `${t('invoices.doc.virtualBarcode')} ${digits}`;
		element(root, 'P', () => {
			setFont(false, SMALL_SIZE + 0.5);
			pdf.text(show(digitsText), MARGIN, digitsTop, { width: WIDTH, lineGap: LINE_GAP });
		});
		const { bars, modules } = code128Bars(code128CSymbols(digits));
		const barLeft = MARGIN + QUIET;
		const barTop = digitsTop + 14;
		const bbox: [number, number, number, number] = [
			barLeft - QUIET,
			barTop,
			barLeft + modules * MODULE + QUIET,
			barTop + BAR_HEIGHT
		];
		element(
			root,
			'Figure',
			() => {
				for (const bar of bars) {
					pdf.rect(barLeft + bar.start * MODULE, barTop, bar.width * MODULE, BAR_HEIGHT);
				}
				pdf.fillColor('#000000').fill();
			},
			{ alt: t('invoices.doc.barcodeAlt', { digits }), bbox }
		);
	}

	root.end();
	pdf.end();
	return finished;
}
