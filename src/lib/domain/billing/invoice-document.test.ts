import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	buildCreditNoteDocument,
	buildInvoiceDocument,
	creditNoteOf,
	type CreditNoteDocumentInput,
	type InvoiceDocument,
	type InvoiceDocumentInput,
	type LineInput
} from './invoice-document';
import { parseBankBarcode } from './virtual-barcode';

const feeLine: LineInput = {
	description: 'Osallistumismaksu 2026',
	quantityTenThousandths: 10_000,
	unitCode: 'ANN',
	unitPriceCents: 900_000,
	vatCategory: 'S',
	vatBasisPoints: 2550,
	period: { start: '2026-01-01', end: '2026-12-31' }
};
const travelLine: LineInput = {
	description: 'Matkakulut, työpaja 12.3.2026',
	quantityTenThousandths: 10_000,
	unitCode: 'C62',
	unitPriceCents: 12_345,
	vatCategory: 'S',
	vatBasisPoints: 2550
};

const sampleInvoiceInput: InvoiceDocumentInput = {
	number: '2026-000123',
	issueDate: '2026-02-02',
	dueDate: '2026-02-16',
	deliveryDate: '2026-01-31',
	language: 'fi',
	seller: {
		name: 'Verkoston Palvelu Oy',
		businessId: '1234567-1',
		vatNumber: 'FI12345671',
		street: 'Toinen linja 14',
		postalCode: '00530',
		city: 'Helsinki',
		iban: 'FI21 1234 5600 0007 85',
		bic: 'NDEAFIHH',
		eInvoiceAddress: '003712345671',
		eInvoiceOperator: '003723327487',
		email: 'laskutus@example.fi'
	},
	buyer: {
		name: 'Vaalan kunta',
		businessId: '7654321-2',
		street: 'Kauppatie 20',
		postalCode: '91700',
		city: 'Vaala',
		eInvoiceAddress: '003776543212',
		eInvoiceOperator: '003723327487',
		buyerReference: 'KUSTP 4100'
	},
	reference: '2026 00012 30',
	paymentTerms: '14 päivää netto',
	penaltyInterestBasisPoints: null,
	lines: [feeLine, travelLine]
};

function invoice(input: InvoiceDocumentInput = sampleInvoiceInput): InvoiceDocument {
	const result = buildInvoiceDocument(input);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

function creditInput(
	original: InvoiceDocument,
	earlier: InvoiceDocument[],
	selection: CreditNoteDocumentInput['selection']
): CreditNoteDocumentInput {
	return {
		...sampleInvoiceInput,
		number: `2026-0002${earlier.length}0`,
		issueDate: '2026-03-01',
		original: {
			number: original.number,
			issueDate: original.issueDate,
			lines: sampleInvoiceInput.lines
		},
		earlierCredits: earlier.map(creditNoteOf),
		selection
	};
}

describe('buildInvoiceDocument', () => {
	it('computes the totals by the domain and keeps the parties in normal form', () => {
		const doc = invoice();
		expect(doc.kind).toBe('invoice');
		expect(doc.currency).toBe('EUR');
		expect(doc.lines.map((l) => l.netCents)).toEqual([900_000, 12_345]);
		expect(doc.totals.netCents).toBe(912_345);
		// 912 345 × 25,5 % = 232 647,975 → 232 648
		expect(doc.totals.vatCents).toBe(232_648);
		expect(doc.totals.grossCents).toBe(1_144_993);
		expect(doc.seller.iban).toBe('FI2112345600000785');
		expect(doc.seller.eInvoiceAddress).toEqual({ kind: 'ovt', value: '003712345671' });
		expect(doc.buyer.buyerReference).toBe('KUSTP 4100');
		expect(doc.lines.map((l) => l.lineId)).toEqual(['1', '2']);
		expect(doc.credited).toBeNull();
	});

	it('gives both references and a version 4 bar code that reads back as the invoice', () => {
		const doc = invoice();
		expect(doc.payment.reference).toBe('20260001230');
		expect(doc.payment.rfReference).toMatch(/^RF\d{2}20260001230$/);
		const code = parseBankBarcode(doc.payment.virtualBarcode!);
		expect(code).toEqual({
			ok: true,
			value: {
				version: 4,
				iban: 'FI2112345600000785',
				amountCents: 1_144_993,
				reference: '20260001230',
				dueDate: '2026-02-16'
			}
		});
	});

	it('makes a version 5 bar code when the RF reference is preferred', () => {
		const doc = invoice({ ...sampleInvoiceInput, preferredReference: 'rf' });
		const code = parseBankBarcode(doc.payment.virtualBarcode!);
		expect(code.ok && code.value.version).toBe(5);
		expect(code.ok && code.value.reference).toBe(doc.payment.rfReference);
	});

	it('refuses bad parties, dates and lines with field codes, building nothing', () => {
		const result = buildInvoiceDocument({
			...sampleInvoiceInput,
			issueDate: '2026-02-30',
			dueDate: '2026-01-01',
			seller: { ...sampleInvoiceInput.seller, businessId: '1234567-2', bic: 'ESSESESS' },
			buyer: { ...sampleInvoiceInput.buyer, eInvoiceAddress: '003776543213', street: ' ' },
			reference: '2026 00012 31',
			lines: [{ ...feeLine, vatBasisPoints: null, description: '' }]
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const fields = result.problems.map((p) => `${p.field}:${p.problem}`);
		expect(fields).toEqual(
			expect.arrayContaining([
				'issueDate:bad_date',
				'seller.businessId:check_digit',
				'seller.bic:country',
				'buyer.eInvoiceAddress:ovt',
				'buyer.address:incomplete',
				'reference:check_digit',
				'line.description:empty',
				'lines:lines'
			])
		);
	});

	it('refuses a due date before the issue date and an invoice of nothing to pay', () => {
		const early = buildInvoiceDocument({ ...sampleInvoiceInput, dueDate: '2026-02-01' });
		expect(!early.ok && early.problems).toEqual([{ field: 'dueDate', problem: 'before_issue' }]);
		const nothing = buildInvoiceDocument({
			...sampleInvoiceInput,
			lines: [{ ...feeLine, unitPriceCents: 0 }]
		});
		expect(!nothing.ok && nothing.problems).toEqual([{ field: 'total', problem: 'not_positive' }]);
	});

	it('has no bar code for an account outside Finland, but still an invoice', () => {
		const doc = invoice({
			...sampleInvoiceInput,
			seller: {
				...sampleInvoiceInput.seller,
				iban: 'SE45 5000 0000 0583 9825 7466',
				bic: 'ESSESESS'
			}
		});
		expect(doc.payment.virtualBarcode).toBeNull();
	});

	it('survives JSON: the document is plain data', () => {
		const doc = invoice();
		expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
	});
});

describe('buildCreditNoteDocument', () => {
	it('credits a whole invoice with negative lines that net it to zero', () => {
		const original = invoice();
		const result = buildCreditNoteDocument(
			creditInput(
				original,
				[],
				[
					{ line: 0, quantity: 1 },
					{ line: 1, quantity: 1 }
				]
			)
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const note = result.value;
		expect(note.kind).toBe('credit_note');
		expect(note.dueDate).toBeNull();
		expect(note.payment.virtualBarcode).toBeNull();
		expect(note.credited).toEqual({
			number: '2026-000123',
			issueDate: '2026-02-02',
			grossCents: 1_144_993,
			completesCredit: true
		});
		expect(note.lines.map((l) => l.quantityTenThousandths)).toEqual([-10_000, -10_000]);
		expect(note.lines.map((l) => l.description)).toEqual([
			feeLine.description,
			travelLine.description
		]);
		expect(note.totals.grossCents + original.totals.grossCents).toBe(0);
	});

	it('takes earlier credit notes into account, and refuses crediting more than is left', () => {
		const original = invoice();
		const first = buildCreditNoteDocument(creditInput(original, [], [{ line: 1, quantity: 1 }]));
		if (!first.ok) throw new Error(JSON.stringify(first.problems));
		expect(first.value.credited?.completesCredit).toBe(false);
		const again = buildCreditNoteDocument(
			creditInput(original, [first.value], [{ line: 1, quantity: 1 }])
		);
		expect(!again.ok && again.problems).toEqual([
			{ field: 'credit', problem: 'credit', credit: [{ kind: 'exceeds_remaining', line: 1 }] }
		]);
		const rest = buildCreditNoteDocument(
			creditInput(original, [first.value], [{ line: 0, quantity: 1 }])
		);
		if (!rest.ok) throw new Error(JSON.stringify(rest.problems));
		expect(rest.value.credited?.completesCredit).toBe(true);
		expect(rest.value.lines[0]!.creditsLine).toBe(0);
		expect(
			original.totals.grossCents + first.value.totals.grossCents + rest.value.totals.grossCents
		).toBe(0);
	});

	it('nets credits in equal parts to zero, cent for cent', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 30_000 }), { minLength: 1, maxLength: 3 }),
				fc.constantFrom(1, 2, 4),
				(prices, parts) => {
					const lines: LineInput[] = prices.map((cents) => ({
						...travelLine,
						quantityTenThousandths: 30_000,
						unitPriceCents: cents
					}));
					const original = invoice({ ...sampleInvoiceInput, lines });
					const notes: InvoiceDocument[] = [];
					for (let part = 0; part < parts; part++) {
						const selection = lines.map((_, line) => ({ line, quantity: 3 / parts }));
						const result = buildCreditNoteDocument({
							...creditInput(original, notes, selection),
							original: { number: original.number, issueDate: original.issueDate, lines }
						});
						if (!result.ok) throw new Error(JSON.stringify(result.problems));
						notes.push(result.value);
					}
					const sum = notes.reduce((s, n) => s + n.totals.grossCents, original.totals.grossCents);
					expect(sum).toBe(0);
					expect(notes.map((n) => n.credited?.completesCredit)).toEqual(
						notes.map((_, i) => i === parts - 1)
					);
				}
			)
		);
	});
});
