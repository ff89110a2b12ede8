import {
	buildCreditNoteDocument,
	buildInvoiceDocument,
	creditNoteOf,
	type CreditNoteDocumentInput,
	type InvoiceDocument,
	type InvoiceDocumentInput,
	type LineInput
} from '../../src/lib/domain/billing/invoice-document';

/**
 * Invoice documents for the document tests (PDF, Finvoice, UBL): fictional parties with
 * well-formed identifiers. The seller's business ID 1234567-1, Vaala's 7654321-2 and
 * Närpes's 2049044-9 pass the check digit and belong to no one we know of.
 */

export const SELLER: InvoiceDocumentInput['seller'] = {
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
	phone: '+358 9 123 4567',
	email: 'laskutus@example.fi'
};

export const FEE_LINE: LineInput = {
	description: 'USO-verkoston osallistumismaksu 2024',
	quantityTenThousandths: 10_000,
	unitCode: 'ANN',
	unitPriceCents: 900_000,
	vatCategory: 'S',
	vatBasisPoints: 2550,
	period: { start: '2024-01-01', end: '2024-12-31' }
};

export const TRAVEL_LINE: LineInput = {
	description: 'Asiantuntijan matkakulut – työpaja 12.3.2024 (€, toteutuneet)',
	quantityTenThousandths: 10_000,
	unitCode: 'C62',
	unitPriceCents: 12_345,
	vatCategory: 'S',
	vatBasisPoints: 2550
};

export const KILOMETRE_LINE: LineInput = {
	description: 'Kilometrikorvaus Helsinki–Vaala–Helsinki',
	quantityTenThousandths: 12_345_000,
	unitCode: 'KMT',
	unitPriceCents: 57,
	vatCategory: 'S',
	vatBasisPoints: 2550
};

export const VAALA_INVOICE: InvoiceDocumentInput = {
	number: '2024-000014',
	issueDate: '2024-10-01',
	dueDate: '2024-10-15',
	deliveryDate: '2024-09-30',
	language: 'fi',
	seller: SELLER,
	buyer: {
		name: 'Vaalan kunta',
		businessId: '7654321-2',
		street: 'Kauppatie 20',
		postalCode: '91700',
		city: 'Vaala',
		eInvoiceAddress: '003776543212',
		eInvoiceOperator: '003723327487',
		buyerReference: 'HALL 4100 / Mäkelä'
	},
	reference: '20240000141',
	paymentTerms: '14 päivää netto',
	penaltyInterestBasisPoints: null,
	note: 'Kausi USO 7 (2023–2024).',
	lines: [FEE_LINE, TRAVEL_LINE, KILOMETRE_LINE]
};

export const NARPES_INVOICE: InvoiceDocumentInput = {
	...VAALA_INVOICE,
	number: '2024-000015',
	language: 'sv',
	buyer: {
		name: 'Närpes stad',
		businessId: '2049044-9',
		street: 'Kyrkvägen 13',
		postalCode: '64200',
		city: 'Närpes',
		eInvoiceAddress: '003720490449',
		eInvoiceOperator: 'NDEAFIHH',
		buyerReference: 'Kansli 12'
	},
	reference: '20240000154',
	paymentTerms: '14 dagar netto',
	penaltyInterestBasisPoints: 1150,
	preferredReference: 'rf',
	note: null,
	lines: [{ ...FEE_LINE, description: 'Deltagaravgift för USO-nätverket 2024' }]
};

export function document(input: InvoiceDocumentInput): InvoiceDocument {
	const result = buildInvoiceDocument(input);
	if (!result.ok) throw new Error(`bad sample invoice: ${JSON.stringify(result.problems)}`);
	return result.value;
}

/** A credit note for part of Vaala's invoice (the travel line), or for all of what is left. */
export function vaalaCredit(
	selection: CreditNoteDocumentInput['selection'] = [{ line: 1, quantity: 1 }],
	earlier: InvoiceDocument[] = []
): InvoiceDocument {
	const result = buildCreditNoteDocument({
		...VAALA_INVOICE,
		number: `2024-00010${earlier.length}`,
		issueDate: '2024-11-04',
		note: 'Matkakulut laskutettiin kahdesti.',
		original: {
			number: VAALA_INVOICE.number,
			issueDate: VAALA_INVOICE.issueDate,
			lines: VAALA_INVOICE.lines
		},
		earlierCredits: earlier.map(creditNoteOf),
		selection
	});
	if (!result.ok) throw new Error(`bad sample credit note: ${JSON.stringify(result.problems)}`);
	return result.value;
}
