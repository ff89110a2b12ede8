import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildInvoiceDocument, type InvoiceDocument } from '$lib/domain/billing/invoice-document';
import {
	FEE_LINE,
	NARPES_INVOICE,
	VAALA_INVOICE,
	document,
	vaalaCredit
} from '../../../../../tests/factories/invoice-documents';
import { CUSTOMIZATION_ID, PROFILE_ID, endpointOf, renderUbl } from './ubl';

/**
 * The rules of EN 16931 (BR-…, BR-CO-…, BR-S-…, BR-DEC-…) and of Peppol BIS Billing 3.0
 * (PEPPOL-EN16931-…) that can be checked by reading the XML back, written as executable
 * checks. The rule ids and their wording are those of the CEN/TC 434 and OpenPEPPOL
 * validation artefacts; what these checks cannot cover (code lists in full, the schematron's
 * every rule) is for the official validators (docs/e-invoice-validation.md).
 */

type Node = Record<string, unknown>;

const LISTS = [
	'InvoiceLine',
	'CreditNoteLine',
	'TaxTotal',
	'TaxSubtotal',
	'Note',
	'PaymentMeans',
	'BillingReference'
];
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	removeNSPrefix: true,
	parseTagValue: false,
	isArray: (name) => LISTS.includes(name)
});
const ordered = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: true,
	removeNSPrefix: true
});

const text = (v: unknown): string | undefined => {
	if (typeof v === 'string') return v;
	const t = (v as Node | undefined)?.['#text'];
	return typeof t === 'string' ? t : undefined;
};
/** The text of an element that may repeat (cbc:Note), its first occurrence. */
const firstText = (v: unknown): string | undefined => text(Array.isArray(v) ? v[0] : v);
const at = (node: unknown, ...path: string[]): unknown =>
	path.reduce<unknown>((n, name) => (n as Node | undefined)?.[name], node);
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);
/** A UBL amount in cents, exactly (the BR-DEC rule is checked separately). */
const cents = (v: unknown): number => {
	const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text(v) ?? '');
	if (!m) return Number.NaN;
	return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0')));
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function allNodes(node: unknown, visit: (name: string, value: unknown) => void, name = '') {
	if (Array.isArray(node)) node.forEach((n) => allNodes(n, visit, name));
	else if (node !== null && typeof node === 'object') {
		for (const [k, v] of Object.entries(node)) {
			if (!k.startsWith('@_') && k !== '#text') {
				visit(k, v);
				allNodes(v, visit, k);
			}
		}
	}
}

/** The rule ids an invoice or credit note breaks; empty when it passes every check. */
function findings(xml: string): string[] {
	const broken = new Set<string>();
	const rule = (id: string, ok: boolean) => {
		if (!ok) broken.add(id);
	};
	if (XMLValidator.validate(xml) !== true) return ['well-formed'];
	const tree = parser.parse(xml) as Node;
	const credit = 'CreditNote' in tree;
	const doc = (credit ? tree['CreditNote'] : tree['Invoice']) as Node;
	const lines = list(doc[credit ? 'CreditNoteLine' : 'InvoiceLine']);
	const currency = text(doc['DocumentCurrencyCode']);

	rule('BR-01', !!text(doc['CustomizationID']));
	rule('PEPPOL-EN16931-R004', text(doc['CustomizationID']) === CUSTOMIZATION_ID);
	rule('PEPPOL-EN16931-R001', !!text(doc['ProfileID']));
	rule(
		'PEPPOL-EN16931-R007',
		/^urn:fdc:peppol\.eu:2017:poacc:billing:\d{2}:1\.0$/.test(text(doc['ProfileID']) ?? '')
	);
	rule('BR-02', !!text(doc['ID']));
	rule('BR-03', !!text(doc['IssueDate']));
	const typeCode = text(doc[credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode']);
	rule('BR-04', !!typeCode);
	rule(
		credit ? 'PEPPOL-EN16931-P0101' : 'PEPPOL-EN16931-P0100',
		credit ? ['381', '396', '81', '83', '532'].includes(typeCode ?? '') : typeCode === '380'
	);
	rule('BR-05', currency === 'EUR');
	rule('PEPPOL-EN16931-R002', list(doc['Note']).length <= 1);
	rule(
		'PEPPOL-EN16931-R003',
		!!text(doc['BuyerReference']) || !!text(at(doc, 'OrderReference', 'ID'))
	);

	for (const [side, prefix] of [
		['AccountingSupplierParty', 'seller'],
		['AccountingCustomerParty', 'buyer']
	] as const) {
		const party = at(doc, side, 'Party') as Node | undefined;
		const seller = prefix === 'seller';
		rule(seller ? 'BR-06' : 'BR-07', !!text(at(party, 'PartyLegalEntity', 'RegistrationName')));
		rule(seller ? 'BR-08' : 'BR-10', at(party, 'PostalAddress') !== undefined);
		rule(
			seller ? 'BR-09' : 'BR-11',
			/^[A-Z]{2}$/.test(text(at(party, 'PostalAddress', 'Country', 'IdentificationCode')) ?? '')
		);
		const endpoint = at(party, 'EndpointID') as Node | undefined;
		rule(seller ? 'PEPPOL-EN16931-R020' : 'PEPPOL-EN16931-R010', !!text(endpoint));
		const scheme = endpoint?.['@_schemeID'];
		// Our schemes (0216 OVT code, 0037 business ID) and their forms.
		rule(
			'PEPPOL-EN16931-CL008',
			(scheme === '0216' && /^0037\d{8}[0-9A-Z]{0,5}$/.test(text(endpoint) ?? '')) ||
				(scheme === '0037' && /^\d{8}$/.test(text(endpoint) ?? ''))
		);
		const vatId = text(at(party, 'PartyTaxScheme', 'CompanyID'));
		if (lines.some((l) => text(at(l, 'Item', 'ClassifiedTaxCategory', 'ID')) === 'O')) {
			rule('BR-O-02', vatId === undefined);
		}
		if (vatId !== undefined) rule('BR-CO-09', /^[A-Z]{2}/.test(vatId));
		if (seller) {
			const hasS = lines.some((l) => text(at(l, 'Item', 'ClassifiedTaxCategory', 'ID')) === 'S');
			if (hasS) rule('BR-S-02', vatId !== undefined);
		}
	}

	const total = doc['LegalMonetaryTotal'] as Node | undefined;
	rule('BR-12', text(total?.['LineExtensionAmount']) !== undefined);
	rule('BR-13', text(total?.['TaxExclusiveAmount']) !== undefined);
	rule('BR-14', text(total?.['TaxInclusiveAmount']) !== undefined);
	rule('BR-15', text(total?.['PayableAmount']) !== undefined);
	rule('BR-16', lines.length > 0);

	let lineSum = 0;
	for (const line of lines) {
		const quantityNode = line[credit ? 'CreditedQuantity' : 'InvoicedQuantity'] as Node;
		const quantity = Number(text(quantityNode));
		const net = cents(line['LineExtensionAmount']);
		const price = cents(at(line, 'Price', 'PriceAmount'));
		rule('BR-21', !!text(line['ID']));
		rule('BR-22', Number.isFinite(quantity));
		rule('BR-23', !!quantityNode?.['@_unitCode']);
		rule('BR-24', Number.isFinite(net));
		rule('BR-25', !!text(at(line, 'Item', 'Name')));
		rule('BR-26', Number.isFinite(price));
		rule('BR-27', price >= 0);
		const category = text(at(line, 'Item', 'ClassifiedTaxCategory', 'ID'));
		rule('BR-CO-04', !!category);
		if (category === 'S') {
			rule('BR-S-05', Number(text(at(line, 'Item', 'ClassifiedTaxCategory', 'Percent'))) > 0);
		}
		// Net = quantity × price, within the schematron's slack of 0.02.
		rule('PEPPOL-EN16931-R120', Math.abs(net - quantity * price) <= 2);
		for (const period of ['StartDate', 'EndDate']) {
			const d = text(at(line, 'InvoicePeriod', period));
			if (d !== undefined) rule('PEPPOL-EN16931-F001', DATE.test(d));
		}
		lineSum += net;
	}
	rule('BR-CO-10', lineSum === cents(total?.['LineExtensionAmount']));
	rule('BR-CO-13', cents(total?.['TaxExclusiveAmount']) === cents(total?.['LineExtensionAmount']));

	const taxTotals = list(doc['TaxTotal']);
	const withSubtotals = taxTotals.filter((t) => list(t['TaxSubtotal']).length > 0);
	rule('PEPPOL-EN16931-R053', withSubtotals.length === 1);
	const taxTotal = withSubtotals[0];
	const subtotals = list(taxTotal?.['TaxSubtotal']);
	rule('BR-CO-18', subtotals.length > 0);
	rule(
		'BR-CO-14',
		cents(taxTotal?.['TaxAmount']) === subtotals.reduce((s, g) => s + cents(g['TaxAmount']), 0)
	);
	rule(
		'BR-CO-15',
		cents(total?.['TaxInclusiveAmount']) ===
			cents(total?.['TaxExclusiveAmount']) + cents(taxTotal?.['TaxAmount'])
	);
	rule(
		'BR-CO-16',
		cents(total?.['PayableAmount']) ===
			cents(total?.['TaxInclusiveAmount']) -
				(cents(total?.['PrepaidAmount']) || 0) +
				(cents(total?.['PayableRoundingAmount']) || 0)
	);
	for (const g of subtotals) {
		const category = text(at(g, 'TaxCategory', 'ID'));
		const rate = text(at(g, 'TaxCategory', 'Percent'));
		const taxable = cents(g['TaxableAmount']);
		const tax = cents(g['TaxAmount']);
		// BR-CO-17: VAT = taxable × rate, rounded to the cent (the artefacts round the magnitude).
		const expected = Math.sign(taxable) * Math.round((Math.abs(taxable) * Number(rate ?? 0)) / 100);
		rule('BR-CO-17', tax === expected);
		if (category === 'S') {
			const sum = lines
				.filter(
					(l) =>
						text(at(l, 'Item', 'ClassifiedTaxCategory', 'ID')) === 'S' &&
						text(at(l, 'Item', 'ClassifiedTaxCategory', 'Percent')) === rate
				)
				.reduce((s, l) => s + cents(l['LineExtensionAmount']), 0);
			rule('BR-S-08', sum === taxable);
			rule('BR-S-10', at(g, 'TaxCategory', 'TaxExemptionReason') === undefined);
		}
	}

	const payable = cents(total?.['PayableAmount']);
	if (payable > 0) {
		rule('BR-CO-25', !!text(doc['DueDate']) || !!firstText(at(doc, 'PaymentTerms', 'Note')));
	}
	for (const means of list(doc['PaymentMeans'])) {
		const code = text(means['PaymentMeansCode']);
		rule('BR-49', !!code);
		if (code === '30' || code === '58') {
			rule('BR-61', !!text(at(means, 'PayeeFinancialAccount', 'ID')));
		}
	}
	if (credit) {
		const refs = list(doc['BillingReference']);
		rule(
			'BR-55',
			refs.every((r) => !!text(at(r, 'InvoiceDocumentReference', 'ID')))
		);
		rule('BT-25 present', refs.length > 0);
	}

	for (const d of [doc['IssueDate'], doc['DueDate'], at(doc, 'Delivery', 'ActualDeliveryDate')]) {
		if (d !== undefined) rule('PEPPOL-EN16931-F001', DATE.test(text(d) ?? ''));
	}
	allNodes(doc, (_name, value) => {
		const node = value as Node | undefined;
		if (node && typeof node === 'object' && '@_currencyID' in node) {
			rule('PEPPOL-EN16931-R051', node['@_currencyID'] === currency);
			rule('BR-DEC', /^-?\d+(\.\d{1,2})?$/.test(text(node) ?? ''));
		}
	});
	// No empty elements: neither <x/> nor <x></x>.
	rule('PEPPOL-EN16931-R008', !/<[\w:]+(?:\s[^>]*)?\/>|<([\w:]+)(?:\s[^>]*)?>\s*<\/\1>/.test(xml));
	return [...broken].sort();
}

function ubl(doc: InvoiceDocument): string {
	const result = renderUbl(doc);
	if (!result.ok) throw new Error(result.problems.join());
	return result.value;
}

/** Element names of a node's children, in document order. */
function childOrder(xml: string, path: string[]): string[] {
	let nodes = ordered.parse(xml) as Node[];
	for (const name of path) {
		nodes = ((nodes.find((n) => name in n)?.[name] ?? []) as Node[]).filter(Boolean);
	}
	return nodes.map((n) => Object.keys(n)[0]!);
}

function inOrder(found: string[], schema: string[]) {
	const positions = found.map((name) => schema.indexOf(name));
	expect(positions, found.join(' ')).not.toContain(-1);
	expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

const INVOICE_SEQUENCE = [
	'CustomizationID',
	'ProfileID',
	'ID',
	'IssueDate',
	'DueDate',
	'InvoiceTypeCode',
	'Note',
	'DocumentCurrencyCode',
	'BuyerReference',
	'InvoicePeriod',
	'OrderReference',
	'BillingReference',
	'AccountingSupplierParty',
	'AccountingCustomerParty',
	'Delivery',
	'PaymentMeans',
	'PaymentTerms',
	'TaxTotal',
	'LegalMonetaryTotal',
	'InvoiceLine'
];
const CREDIT_NOTE_SEQUENCE = INVOICE_SEQUENCE.filter((n) => n !== 'DueDate').map((n) =>
	n === 'InvoiceTypeCode' ? 'CreditNoteTypeCode' : n === 'InvoiceLine' ? 'CreditNoteLine' : n
);
const PARTY_SEQUENCE = [
	'EndpointID',
	'PartyIdentification',
	'PartyName',
	'PostalAddress',
	'PartyTaxScheme',
	'PartyLegalEntity',
	'Contact'
];

describe('renderUbl', () => {
	it('writes a Peppol BIS Billing 3.0 invoice that passes the checkable rules', () => {
		const xml = ubl(document(VAALA_INVOICE));
		expect(findings(xml)).toEqual([]);
		expect(xml).toContain(
			'<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"'
		);
		inOrder(childOrder(xml, ['Invoice']), INVOICE_SEQUENCE);
		inOrder(childOrder(xml, ['Invoice', 'AccountingSupplierParty', 'Party']), PARTY_SEQUENCE);
		inOrder(childOrder(xml, ['Invoice', 'InvoiceLine']), [
			'ID',
			'Note',
			'InvoicedQuantity',
			'LineExtensionAmount',
			'InvoicePeriod',
			'Item',
			'Price'
		]);
	});

	it('carries the identifiers, references, amounts and payment of the invoice', () => {
		const doc = document(VAALA_INVOICE);
		const inv = (parser.parse(ubl(doc)) as Node)['Invoice'] as Node;
		expect(text(inv['CustomizationID'])).toBe(CUSTOMIZATION_ID);
		expect(text(inv['ProfileID'])).toBe(PROFILE_ID);
		expect(text(inv['ID'])).toBe('2024-000014');
		expect(text(inv['IssueDate'])).toBe('2024-10-01');
		expect(text(inv['DueDate'])).toBe('2024-10-15');
		expect(text(inv['BuyerReference'])).toBe('HALL 4100 / Mäkelä');
		expect(at(inv, 'AccountingSupplierParty', 'Party', 'EndpointID')).toEqual({
			'#text': '003712345671',
			'@_schemeID': '0216'
		});
		expect(text(at(inv, 'AccountingSupplierParty', 'Party', 'PartyTaxScheme', 'CompanyID'))).toBe(
			'FI12345671'
		);
		expect(at(inv, 'AccountingCustomerParty', 'Party', 'PartyLegalEntity', 'CompanyID')).toEqual({
			'#text': '7654321-2',
			'@_schemeID': '0212'
		});
		const means = list(inv['PaymentMeans'])[0]!;
		expect(text(means['PaymentMeansCode'])).toBe('30');
		expect(text(means['PaymentID'])).toBe('20240000141');
		expect(text(at(means, 'PayeeFinancialAccount', 'ID'))).toBe('FI2112345600000785');
		expect(text(at(means, 'PayeeFinancialAccount', 'FinancialInstitutionBranch', 'ID'))).toBe(
			'NDEAFIHH'
		);
		expect(cents(at(inv, 'LegalMonetaryTotal', 'PayableAmount'))).toBe(doc.totals.grossCents);
		const subtotal = list(at(list(inv['TaxTotal'])[0], 'TaxSubtotal'))[0]!;
		expect(text(at(subtotal, 'TaxCategory', 'Percent'))).toBe('25.5');
		const km = list(inv['InvoiceLine'])[2]!;
		expect(km['InvoicedQuantity']).toEqual({ '#text': '1234.5', '@_unitCode': 'KMT' });
		expect(text(km['LineExtensionAmount'])).toBe('703.67');
		expect(text(at(inv, 'Delivery', 'ActualDeliveryDate'))).toBe('2024-09-30');
		expect(firstText(at(inv, 'PaymentTerms', 'Note'))).toBe(
			'14 päivää netto. Viivästyskorko korkolain mukaan'
		);
	});

	it('pays an RF reference by SEPA credit transfer (58)', () => {
		const xml = ubl(document(NARPES_INVOICE));
		expect(findings(xml)).toEqual([]);
		const means = list(((parser.parse(xml) as Node)['Invoice'] as Node)['PaymentMeans'])[0]!;
		expect(text(means['PaymentMeansCode'])).toBe('58');
		expect(text(means['PaymentID'])).toBe(document(NARPES_INVOICE).payment.rfReference);
	});

	it('writes a credit note as a CreditNote with positive amounts that refers to the invoice', () => {
		const credit = vaalaCredit();
		const xml = ubl(credit);
		expect(findings(xml)).toEqual([]);
		inOrder(childOrder(xml, ['CreditNote']), CREDIT_NOTE_SEQUENCE);
		const note = (parser.parse(xml) as Node)['CreditNote'] as Node;
		expect(text(note['CreditNoteTypeCode'])).toBe('381');
		expect(at(list(note['BillingReference'])[0], 'InvoiceDocumentReference')).toEqual({
			ID: '2024-000014',
			IssueDate: '2024-10-01'
		});
		expect(text(at(note, 'LegalMonetaryTotal', 'PayableAmount'))).toBe('154.93');
		expect(cents(at(note, 'LegalMonetaryTotal', 'PayableAmount'))).toBe(-credit.totals.grossCents);
		const line = list(note['CreditNoteLine'])[0]!;
		expect(line['CreditedQuantity']).toEqual({ '#text': '1', '@_unitCode': 'C62' });
		expect(note['PaymentMeans']).toBeUndefined();
	});

	it('credits a whole invoice to exactly its amounts', () => {
		const whole = vaalaCredit([
			{ line: 0, quantity: 1 },
			{ line: 1, quantity: 1 },
			{ line: 2, quantity: 1234.5 }
		]);
		const xml = ubl(whole);
		expect(findings(xml)).toEqual([]);
		const note = (parser.parse(xml) as Node)['CreditNote'] as Node;
		expect(cents(at(note, 'LegalMonetaryTotal', 'PayableAmount'))).toBe(
			document(VAALA_INVOICE).totals.grossCents
		);
	});

	it('writes mixed VAT rates and an exempt line with its reason', () => {
		const doc = document({
			...VAALA_INVOICE,
			lines: [
				{ ...FEE_LINE, vatBasisPoints: 2400 },
				{ ...FEE_LINE, description: 'Koulutus', unitPriceCents: 10_001, vatBasisPoints: 1400 },
				{
					...FEE_LINE,
					description: 'Jäsenmaksu',
					unitPriceCents: 5_000,
					vatCategory: 'E',
					vatBasisPoints: 0,
					exemptionReason: 'VATEX-EU-132'
				}
			]
		});
		const xml = ubl(doc);
		expect(findings(xml)).toEqual([]);
		const subtotals = list(
			at(list(((parser.parse(xml) as Node)['Invoice'] as Node)['TaxTotal'])[0], 'TaxSubtotal')
		);
		expect(subtotals.map((g) => text(at(g, 'TaxCategory', 'ID')))).toEqual(['S', 'S', 'E']);
		expect(text(at(subtotals[2], 'TaxCategory', 'TaxExemptionReasonCode'))).toBe('VATEX-EU-132');
		// 100,01 € × 14 % = 14,0014 € → 14,00 €
		expect(text(subtotals[0]!['TaxAmount'])).toBe('14.00');
	});

	it('names no VAT number on an invoice of what is not subject to VAT', () => {
		const xml = ubl(
			document({
				...VAALA_INVOICE,
				buyer: { ...VAALA_INVOICE.buyer, vatNumber: 'FI76543212' },
				lines: [
					{ ...FEE_LINE, vatCategory: 'O', vatBasisPoints: null, exemptionReason: 'VATEX-EU-O' }
				]
			})
		);
		expect(findings(xml)).toEqual([]);
		expect(xml).not.toContain('PartyTaxScheme');
		const subtotal = list(
			at(list(((parser.parse(xml) as Node)['Invoice'] as Node)['TaxTotal'])[0], 'TaxSubtotal')
		)[0]!;
		expect(at(subtotal, 'TaxCategory')).toEqual({
			ID: 'O',
			TaxExemptionReasonCode: 'VATEX-EU-O',
			TaxScheme: { ID: 'VAT' }
		});
		expect(text(subtotal['TaxAmount'])).toBe('0.00');
	});

	it('finds broken rules when the XML is tampered with (the checks are not vacuous)', () => {
		const xml = ubl(document(VAALA_INVOICE));
		expect(
			findings(
				xml.replace('<cbc:PayableAmount currencyID="EUR">', '<cbc:PayableAmount currencyID="EUR">1')
			)
		).toContain('BR-CO-16');
		expect(findings(xml.replace(/<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, ''))).toContain(
			'PEPPOL-EN16931-R003'
		);
		expect(findings(xml.replace('<cbc:Note>', '<cbc:Note></cbc:Note><cbc:Note>'))).toEqual(
			expect.arrayContaining(['PEPPOL-EN16931-R002', 'PEPPOL-EN16931-R008'])
		);
		expect(findings(xml.replace('schemeID="0216"', 'schemeID="9999"'))).toContain(
			'PEPPOL-EN16931-CL008'
		);
		expect(findings(xml.replace('>703.67<', '>703.70<'))).toEqual(
			expect.arrayContaining(['BR-CO-10', 'PEPPOL-EN16931-R120', 'BR-S-08'])
		);
		expect(findings(xml.replace('2024-10-15', '15.10.2024'))).toContain('PEPPOL-EN16931-F001');
	});

	it('refuses what Peppol would reject: no address for the buyer, no buyer reference', () => {
		const built = buildInvoiceDocument({
			...VAALA_INVOICE,
			buyer: {
				...VAALA_INVOICE.buyer,
				businessId: null,
				eInvoiceAddress: null,
				buyerReference: null
			}
		});
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		expect(renderUbl(built.value)).toEqual({
			ok: false,
			problems: ['buyer_endpoint', 'buyer_reference']
		});
	});

	it('addresses a party by its OVT code, else by its business ID (scheme 0037)', () => {
		expect(
			endpointOf({
				eInvoiceAddress: { kind: 'ovt', value: '003776543212' },
				businessId: '7654321-2'
			})
		).toEqual({
			scheme: '0216',
			id: '003776543212'
		});
		expect(
			endpointOf({
				eInvoiceAddress: { kind: 'operator', value: 'E204503' },
				businessId: '7654321-2'
			})
		).toEqual({ scheme: '0037', id: '76543212' });
		expect(endpointOf({ eInvoiceAddress: null, businessId: null })).toBeNull();
	});
});
