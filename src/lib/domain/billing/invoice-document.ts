import { bicFitsIban, parseBic, parseIban } from './bank-account';
import {
	parseBusinessId,
	parseEInvoiceAddress,
	parseFinnishVatNumber,
	parseOperatorCode,
	type EInvoiceAddress,
	type OperatorCode
} from './business-id';
import {
	creditNote,
	invoiceTotals,
	type CreditNote,
	type CreditSelection,
	type InvoiceLine,
	type InvoiceLineProblem,
	type CreditProblem,
	type InvoiceTotals,
	type VatCategory
} from './invoice-totals';
import { createRfReference, parseNationalReference } from './reference-number';
import { bankBarcode } from './virtual-barcode';

/**
 * Everything an invoice or credit note document shows, whatever its form: the PDF, the
 * Finvoice 3.0 message and the Peppol BIS Billing 3.0 UBL document are all drawn from one
 * `InvoiceDocument`, so the three never disagree. The document is plain data (no dates as
 * objects, no classes) so it can be stored as JSON, and its amounts are the domain's:
 * `totals` comes from `invoiceTotals` (an invoice) or `creditNote` (a credit note), never
 * computed again by a serialiser.
 *
 * Signs are the ledger's: a credit note's quantities and amounts are negative, as
 * `creditNote` makes them. Finvoice writes them so; a UBL `CreditNote` writes them positive
 * (the serialiser negates).
 *
 * The EN 16931 business terms (BT-…) each field carries are named beside it.
 */

export type DocumentLanguage = 'fi' | 'sv' | 'en';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['fi', 'sv', 'en'];

export type DocumentKind = 'invoice' | 'credit_note';

/**
 * Units of measure (UN/ECE Recommendation 20 codes, as EN 16931 BT-130 takes them) that
 * Verkosto bills in; each has a label in the message catalogue.
 */
export const UNIT_CODES = ['C62', 'ANN', 'MON', 'DAY', 'HUR', 'KMT'] as const;
/** C62 one (piece, service), ANN year, MON month, DAY day, HUR hour, KMT kilometre. */
export type UnitCode = (typeof UNIT_CODES)[number];

export interface PostalAddress {
	/** BT-35 / BT-50 */
	street: string;
	/** BT-38 / BT-53 */
	postalCode: string;
	/** BT-37 / BT-52 */
	city: string;
	/** BT-40 / BT-55, ISO 3166-1 alpha-2. */
	countryCode: string;
}

export interface DocumentPeriod {
	/** yyyy-mm-dd */
	start: string;
	/** yyyy-mm-dd, on or after start. */
	end: string;
}

export interface Seller {
	/** BT-27 */
	name: string;
	/** BT-30, normal form "0112038-9". */
	businessId: string;
	/** BT-31, "FI01120389"; null when the seller is not registered for VAT. */
	vatNumber: string | null;
	address: PostalAddress;
	/** BT-84, electronic form. */
	iban: string;
	/** BT-86 */
	bic: string;
	/** BT-34, the seller's own e-invoice address (OVT code as a rule). */
	eInvoiceAddress: EInvoiceAddress;
	/** The seller's e-invoice operator (intermediator ID). */
	eInvoiceOperator: OperatorCode | null;
	/** BT-42, BT-43: shown on the PDF. */
	phone: string | null;
	email: string | null;
}

export interface Buyer {
	/** BT-44 */
	name: string;
	/** BT-47, normal form; null for a buyer without one (never a municipality). */
	businessId: string | null;
	/** BT-48 */
	vatNumber: string | null;
	address: PostalAddress;
	/** BT-49, where the e-invoice goes (OVT code, IBAN or the operator's code). */
	eInvoiceAddress: EInvoiceAddress | null;
	/** The buyer's operator (intermediator ID), needed by Finvoice routing. */
	eInvoiceOperator: OperatorCode | null;
	/** BT-10, the buyer's reference municipalities require. */
	buyerReference: string | null;
	/** BT-13, the buyer's purchase order, if any. */
	orderReference: string | null;
}

export interface DocumentLine {
	/** BT-126, 1, 2, … in order. */
	lineId: string;
	/** BT-153 (item name) */
	description: string;
	/** BT-129 in ten-thousandths (1 = 10 000); negative on a credit note. */
	quantityTenThousandths: number;
	/** BT-130 */
	unitCode: UnitCode;
	/** BT-146, cents, never negative. */
	unitPriceCents: number;
	/** BT-151 */
	vatCategory: VatCategory;
	/** BT-152 in basis points (2550 = 25,5 %); null for O. */
	vatBasisPoints: number | null;
	exemptionReason: string | null;
	/** BT-131 in cents, from the totals. */
	netCents: number;
	/** BG-26 */
	period: DocumentPeriod | null;
	/** On a credit note: the index of the credited line of the original invoice. */
	creditsLine: number | null;
	/** On a credit note: true when the line credits an amount (quantity −1 at that price). */
	byAmount?: boolean;
}

/** BG-3: the invoice a credit note credits (BR-55 asks for BT-25 on a credit note). */
export interface CreditedInvoice {
	/** BT-25 */
	number: string;
	/** BT-26 */
	issueDate: string;
	/** The original's lines' totals, for the record. */
	grossCents: number;
	/** True when this note, with the earlier ones, credits the whole invoice. */
	completesCredit: boolean;
}

export interface PaymentDetails {
	/** National reference, electronic form ("20260001230"). */
	reference: string;
	/** Its RF form (ISO 11649), electronic form. */
	rfReference: string;
	/** Which of the two the payer is asked to use: the bar code's version follows it. */
	preferred: 'national' | 'rf';
	/**
	 * The 54 digits of the bank's virtual bar code (version 4 national, 5 RF); null when there
	 * is nothing to pay (a credit note), the IBAN is not Finnish or the amount beyond the code.
	 */
	virtualBarcode: string | null;
	/** BT-20 as the seller writes it ("14 päivää netto"); the PDF also shows the due date. */
	paymentTerms: string | null;
	/** Penalty interest in basis points a year; null for the rate of the Interest Act. */
	penaltyInterestBasisPoints: number | null;
}

export interface InvoiceDocument {
	/** BT-3: 380 commercial invoice, 381 credit note. */
	kind: DocumentKind;
	/** BT-1, "2026-000123". */
	number: string;
	/** BT-2, yyyy-mm-dd */
	issueDate: string;
	/** BT-9, yyyy-mm-dd; null on a credit note. */
	dueDate: string | null;
	/** BT-72, the day the service was delivered (the VAT rate's day); null if not given. */
	deliveryDate: string | null;
	/** BG-14 */
	invoicePeriod: DocumentPeriod | null;
	/** BT-5 */
	currency: 'EUR';
	/** The buyer's language: the PDF's text and the e-invoices' language codes. */
	language: DocumentLanguage;
	seller: Seller;
	buyer: Buyer;
	lines: DocumentLine[];
	/** From the domain (`invoiceTotals` or `creditNote`); negative on a credit note. */
	totals: InvoiceTotals;
	payment: PaymentDetails;
	/** On a credit note, what it credits; null on an invoice. */
	credited: CreditedInvoice | null;
	/** BT-22, free text; null for none. */
	note: string | null;
}

// Inputs: plain values as forms and the database hold them.

export interface PartyInput {
	name: string;
	businessId: string | null;
	vatNumber?: string | null;
	street: string;
	postalCode: string;
	city: string;
	countryCode?: string;
	eInvoiceAddress?: string | null;
	eInvoiceOperator?: string | null;
}

export interface SellerInput extends PartyInput {
	businessId: string;
	iban: string;
	bic: string;
	eInvoiceAddress: string;
	phone?: string | null;
	email?: string | null;
}

export interface BuyerInput extends PartyInput {
	buyerReference?: string | null;
	orderReference?: string | null;
}

export interface LineInput {
	description: string;
	/** Ten-thousandths: 1 piece = 10 000. Positive on an invoice. */
	quantityTenThousandths: number;
	unitCode: UnitCode;
	unitPriceCents: number;
	vatCategory: VatCategory;
	vatBasisPoints: number | null;
	exemptionReason?: string | null;
	period?: DocumentPeriod | null;
}

interface CommonInput {
	number: string;
	issueDate: string;
	deliveryDate?: string | null;
	invoicePeriod?: DocumentPeriod | null;
	language: DocumentLanguage;
	seller: SellerInput;
	buyer: BuyerInput;
	/** National reference, any printed form; its RF form is made from it. */
	reference: string;
	preferredReference?: 'national' | 'rf';
	paymentTerms?: string | null;
	penaltyInterestBasisPoints?: number | null;
	note?: string | null;
}

export interface InvoiceDocumentInput extends CommonInput {
	dueDate: string;
	lines: LineInput[];
}

export interface CreditNoteDocumentInput extends CommonInput {
	/** The credited invoice: its number, date and lines exactly as invoiced. */
	original: { number: string; issueDate: string; lines: LineInput[] };
	/** The credit notes already made for it (as `creditNoteOf` gives them back). */
	earlierCredits: CreditNote[];
	/** What this note credits, line by line (the domain's selection). */
	selection: CreditSelection[];
}

/** Where a document's input is wrong: a field path and a code for the message catalogue. */
export type DocumentProblem =
	| { field: DocumentField; problem: string }
	| { field: 'lines'; problem: 'lines'; lines: InvoiceLineProblem[] }
	| { field: 'credit'; problem: 'credit'; credit: CreditProblem[] };

export type DocumentField =
	| 'number'
	| 'issueDate'
	| 'dueDate'
	| 'deliveryDate'
	| 'invoicePeriod'
	| 'reference'
	| 'penaltyInterest'
	| 'total'
	| 'seller.name'
	| 'seller.businessId'
	| 'seller.vatNumber'
	| 'seller.address'
	| 'seller.iban'
	| 'seller.bic'
	| 'seller.eInvoiceAddress'
	| 'seller.eInvoiceOperator'
	| 'buyer.name'
	| 'buyer.businessId'
	| 'buyer.vatNumber'
	| 'buyer.address'
	| 'buyer.eInvoiceAddress'
	| 'buyer.eInvoiceOperator'
	| 'line.description'
	| 'line.unitCode'
	| 'line.period'
	| 'original';

export type DocumentResult =
	{ ok: true; value: InvoiceDocument } | { ok: false; problems: DocumentProblem[] };

const QUANTITY_SCALE = 10_000;

/** A real day as yyyy-mm-dd. */
export function isDay(text: string | null | undefined): text is string {
	if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function blank(text: string | null | undefined): boolean {
	return text === null || text === undefined || text.trim() === '';
}

function optionalText(text: string | null | undefined): string | null {
	return blank(text) ? null : text!.trim();
}

function periodFits(period: DocumentPeriod | null | undefined): boolean {
	return !period || (isDay(period.start) && isDay(period.end) && period.start <= period.end);
}

/** The quantity as the decimal `invoiceTotals` takes: 12 345 → 1.2345. */
export function quantityDecimal(tenThousandths: number): number {
	return tenThousandths / QUANTITY_SCALE;
}

/** The domain's line of a document input line. */
function domainLine(line: LineInput): InvoiceLine {
	return {
		quantity: Number.isSafeInteger(line.quantityTenThousandths)
			? quantityDecimal(line.quantityTenThousandths)
			: Number.NaN,
		unitPriceCents: line.unitPriceCents,
		vatCategory: line.vatCategory,
		vatBasisPoints: line.vatBasisPoints,
		exemptionReason: line.exemptionReason ?? null
	};
}

function address(input: PartyInput): PostalAddress {
	return {
		street: input.street.trim(),
		postalCode: input.postalCode.trim(),
		city: input.city.trim(),
		countryCode: (input.countryCode ?? 'FI').trim().toUpperCase()
	};
}

function addressFits(input: PartyInput): boolean {
	return (
		!blank(input.street) &&
		!blank(input.postalCode) &&
		!blank(input.city) &&
		/^[A-Z]{2}$/.test((input.countryCode ?? 'FI').trim().toUpperCase())
	);
}

function checkLines(lines: readonly LineInput[], problems: DocumentProblem[]): void {
	for (const line of lines) {
		if (blank(line.description)) problems.push({ field: 'line.description', problem: 'empty' });
		if (!UNIT_CODES.includes(line.unitCode)) {
			problems.push({ field: 'line.unitCode', problem: 'unknown' });
		}
		if (!periodFits(line.period)) problems.push({ field: 'line.period', problem: 'bad_period' });
	}
}

interface Parties {
	seller: Seller;
	buyer: Buyer;
	reference: string;
	rfReference: string;
}

/** Checks and normalises what invoices and credit notes share. */
function checkCommon(input: CommonInput, problems: DocumentProblem[]): Parties | null {
	if (blank(input.number)) problems.push({ field: 'number', problem: 'empty' });
	if (!isDay(input.issueDate)) problems.push({ field: 'issueDate', problem: 'bad_date' });
	if (input.deliveryDate && !isDay(input.deliveryDate)) {
		problems.push({ field: 'deliveryDate', problem: 'bad_date' });
	}
	if (!periodFits(input.invoicePeriod)) {
		problems.push({ field: 'invoicePeriod', problem: 'bad_period' });
	}
	const penalty = input.penaltyInterestBasisPoints;
	if (penalty !== null && penalty !== undefined) {
		if (!Number.isInteger(penalty) || penalty < 0 || penalty > 10_000) {
			problems.push({ field: 'penaltyInterest', problem: 'bad_rate' });
		}
	}

	const s = input.seller;
	if (blank(s.name)) problems.push({ field: 'seller.name', problem: 'empty' });
	const sellerId = parseBusinessId(s.businessId);
	if (!sellerId.ok) problems.push({ field: 'seller.businessId', problem: sellerId.problem });
	const sellerVat = blank(s.vatNumber) ? null : parseFinnishVatNumber(s.vatNumber!);
	if (sellerVat && !sellerVat.ok) {
		problems.push({ field: 'seller.vatNumber', problem: sellerVat.problem });
	}
	if (!addressFits(s)) problems.push({ field: 'seller.address', problem: 'incomplete' });
	const iban = parseIban(s.iban);
	if (!iban.ok) problems.push({ field: 'seller.iban', problem: iban.problem });
	const bic = parseBic(s.bic);
	if (!bic.ok) problems.push({ field: 'seller.bic', problem: bic.problem });
	else if (iban.ok && !bicFitsIban(bic.value, iban.value)) {
		problems.push({ field: 'seller.bic', problem: 'country' });
	}
	const sellerAddress = parseEInvoiceAddress(s.eInvoiceAddress);
	if (!sellerAddress.ok) {
		problems.push({ field: 'seller.eInvoiceAddress', problem: sellerAddress.problem });
	}
	const sellerOperator = blank(s.eInvoiceOperator) ? null : parseOperatorCode(s.eInvoiceOperator!);
	if (sellerOperator && !sellerOperator.ok) {
		problems.push({ field: 'seller.eInvoiceOperator', problem: sellerOperator.problem });
	}

	const b = input.buyer;
	if (blank(b.name)) problems.push({ field: 'buyer.name', problem: 'empty' });
	const buyerId = blank(b.businessId) ? null : parseBusinessId(b.businessId!);
	if (buyerId && !buyerId.ok) {
		problems.push({ field: 'buyer.businessId', problem: buyerId.problem });
	}
	const buyerVat = blank(b.vatNumber) ? null : parseFinnishVatNumber(b.vatNumber!);
	if (buyerVat && !buyerVat.ok) {
		problems.push({ field: 'buyer.vatNumber', problem: buyerVat.problem });
	}
	if (!addressFits(b)) problems.push({ field: 'buyer.address', problem: 'incomplete' });
	const buyerAddress = blank(b.eInvoiceAddress) ? null : parseEInvoiceAddress(b.eInvoiceAddress!);
	if (buyerAddress && !buyerAddress.ok) {
		problems.push({ field: 'buyer.eInvoiceAddress', problem: buyerAddress.problem });
	}
	const buyerOperator = blank(b.eInvoiceOperator) ? null : parseOperatorCode(b.eInvoiceOperator!);
	if (buyerOperator && !buyerOperator.ok) {
		problems.push({ field: 'buyer.eInvoiceOperator', problem: buyerOperator.problem });
	}

	const reference = parseNationalReference(input.reference);
	if (!reference.ok) problems.push({ field: 'reference', problem: reference.problem });
	const rf = reference.ok ? createRfReference(reference.value) : null;

	if (
		!sellerId.ok ||
		(sellerVat && !sellerVat.ok) ||
		!iban.ok ||
		!bic.ok ||
		!sellerAddress.ok ||
		(sellerOperator && !sellerOperator.ok) ||
		(buyerId && !buyerId.ok) ||
		(buyerVat && !buyerVat.ok) ||
		(buyerAddress && !buyerAddress.ok) ||
		(buyerOperator && !buyerOperator.ok) ||
		!reference.ok ||
		!rf?.ok
	) {
		return null;
	}
	return {
		seller: {
			name: s.name.trim(),
			businessId: sellerId.value,
			vatNumber: sellerVat?.value ?? null,
			address: address(s),
			iban: iban.value,
			bic: bic.value,
			eInvoiceAddress: sellerAddress.value,
			eInvoiceOperator: sellerOperator?.value ?? null,
			phone: optionalText(s.phone),
			email: optionalText(s.email)
		},
		buyer: {
			name: b.name.trim(),
			businessId: buyerId?.value ?? null,
			vatNumber: buyerVat?.value ?? null,
			address: address(b),
			eInvoiceAddress: buyerAddress?.value ?? null,
			eInvoiceOperator: buyerOperator?.value ?? null,
			buyerReference: optionalText(b.buyerReference),
			orderReference: optionalText(b.orderReference)
		},
		reference: reference.value,
		rfReference: rf.value
	};
}

function documentLines(
	lines: readonly LineInput[],
	totals: InvoiceTotals,
	creditsLine: readonly (number | null)[],
	quantities: readonly number[],
	byAmount: readonly boolean[] = []
): DocumentLine[] {
	return lines.map((line, i) => ({
		lineId: String(i + 1),
		description: line.description.trim(),
		quantityTenThousandths: quantities[i]!,
		unitCode: line.unitCode,
		unitPriceCents: line.unitPriceCents,
		vatCategory: line.vatCategory,
		vatBasisPoints: line.vatBasisPoints,
		exemptionReason: optionalText(line.exemptionReason),
		netCents: totals.lineNetCents[i]!,
		period: line.period ?? null,
		creditsLine: creditsLine[i] ?? null,
		...(byAmount[i] ? { byAmount: true } : {})
	}));
}

function payment(
	input: CommonInput,
	parties: Parties,
	amountCents: number,
	dueDate: string | null
): PaymentDetails {
	const preferred = input.preferredReference ?? 'national';
	const barcode =
		amountCents > 0
			? bankBarcode({
					iban: parties.seller.iban,
					amountCents,
					reference: preferred === 'rf' ? parties.rfReference : parties.reference,
					dueDate
				})
			: null;
	return {
		reference: parties.reference,
		rfReference: parties.rfReference,
		preferred,
		virtualBarcode: barcode?.ok ? barcode.value : null,
		paymentTerms: optionalText(input.paymentTerms),
		penaltyInterestBasisPoints: input.penaltyInterestBasisPoints ?? null
	};
}

/** An invoice document from plain inputs, its totals computed by `invoiceTotals`. */
export function buildInvoiceDocument(input: InvoiceDocumentInput): DocumentResult {
	const problems: DocumentProblem[] = [];
	const parties = checkCommon(input, problems);
	if (!isDay(input.dueDate)) problems.push({ field: 'dueDate', problem: 'bad_date' });
	else if (isDay(input.issueDate) && input.dueDate < input.issueDate) {
		problems.push({ field: 'dueDate', problem: 'before_issue' });
	}
	checkLines(input.lines, problems);
	const totals = invoiceTotals(input.lines.map(domainLine));
	if (!totals.ok) problems.push({ field: 'lines', problem: 'lines', lines: totals.problems });
	// An invoice asks for a payment: a negative or zero total is a credit note's business.
	if (totals.ok && totals.value.grossCents <= 0) {
		problems.push({ field: 'total', problem: 'not_positive' });
	}
	if (!totals.ok || !parties || problems.length > 0) return { ok: false, problems };

	return {
		ok: true,
		value: {
			kind: 'invoice',
			number: input.number.trim(),
			issueDate: input.issueDate,
			dueDate: input.dueDate,
			deliveryDate: input.deliveryDate ?? null,
			invoicePeriod: input.invoicePeriod ?? null,
			currency: 'EUR',
			language: input.language,
			seller: parties.seller,
			buyer: parties.buyer,
			lines: documentLines(
				input.lines,
				totals.value,
				[],
				input.lines.map((l) => l.quantityTenThousandths)
			),
			totals: totals.value,
			payment: payment(input, parties, totals.value.grossCents, input.dueDate),
			credited: null,
			note: optionalText(input.note)
		}
	};
}

/**
 * A credit note document for part or all of an invoice, after its earlier credit notes; its
 * lines and totals come from the domain's `creditNote`, so an invoice and all its notes net to
 * zero to the cent.
 */
export function buildCreditNoteDocument(input: CreditNoteDocumentInput): DocumentResult {
	const problems: DocumentProblem[] = [];
	const parties = checkCommon(input, problems);
	if (blank(input.original.number) || !isDay(input.original.issueDate)) {
		problems.push({ field: 'original', problem: 'missing' });
	} else if (isDay(input.issueDate) && input.issueDate < input.original.issueDate) {
		problems.push({ field: 'issueDate', problem: 'before_original' });
	}
	checkLines(input.original.lines, problems);
	const original = input.original.lines.map(domainLine);
	const note = creditNote(original, input.earlierCredits, input.selection);
	if (!note.ok) problems.push({ field: 'credit', problem: 'credit', credit: note.problems });
	if (!note.ok || !parties || problems.length > 0) return { ok: false, problems };
	const originalTotals = invoiceTotals(original);

	// a line credited by amount keeps the original's text, at the amount as its price
	const creditedLines = note.value.lines.map((l) => ({
		...input.original.lines[l.creditsLine]!,
		unitPriceCents: l.unitPriceCents
	}));
	return {
		ok: true,
		value: {
			kind: 'credit_note',
			number: input.number.trim(),
			issueDate: input.issueDate,
			dueDate: null,
			deliveryDate: input.deliveryDate ?? null,
			invoicePeriod: input.invoicePeriod ?? null,
			currency: 'EUR',
			language: input.language,
			seller: parties.seller,
			buyer: parties.buyer,
			lines: documentLines(
				creditedLines,
				note.value.totals,
				note.value.lines.map((l) => l.creditsLine),
				note.value.lines.map((l) => Math.round(l.quantity * QUANTITY_SCALE)),
				note.value.lines.map((l) => l.byAmount === true)
			),
			totals: note.value.totals,
			payment: payment(input, parties, 0, null),
			credited: {
				number: input.original.number.trim(),
				issueDate: input.original.issueDate,
				grossCents: originalTotals.ok ? originalTotals.value.grossCents : 0,
				completesCredit: note.value.completesCredit
			},
			note: optionalText(input.note)
		}
	};
}

/**
 * The domain's credit note held by a credit note document, to pass as an earlier credit when
 * the next note for the same invoice is made.
 */
export function creditNoteOf(document: InvoiceDocument): CreditNote {
	return {
		lines: document.lines.map((l) => ({
			quantity: quantityDecimal(l.quantityTenThousandths),
			unitPriceCents: l.unitPriceCents,
			vatCategory: l.vatCategory,
			vatBasisPoints: l.vatBasisPoints,
			exemptionReason: l.exemptionReason,
			creditsLine: l.creditsLine ?? 0,
			byAmount: l.byAmount === true
		})),
		totals: document.totals,
		completesCredit: document.credited?.completesCredit ?? false
	};
}
