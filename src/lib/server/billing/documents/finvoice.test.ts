import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildInvoiceDocument } from '$lib/domain/billing/invoice-document';
import {
	NARPES_INVOICE,
	VAALA_INVOICE,
	document,
	vaalaCredit
} from '../../../../../tests/factories/invoice-documents';
import { renderFinvoice } from './finvoice';

const NOW = new Date('2024-10-01T06:30:00Z');

type Node = Record<string, unknown>;

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	parseTagValue: false,
	isArray: (name) => ['InvoiceRow', 'VatSpecificationDetails'].includes(name)
});
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true });

function render(input = VAALA_INVOICE): string {
	const result = renderFinvoice(document(input), { now: NOW });
	if (!result.ok) throw new Error(result.problems.join());
	return result.value;
}

function parse(xml: string): Node {
	expect(XMLValidator.validate(xml)).toBe(true);
	return (parser.parse(xml) as { Finvoice: Node }).Finvoice;
}

/** The names of an element's children in document order. */
function childOrder(xml: string, path: string[]): string[] {
	let nodes = ordered.parse(xml) as Node[];
	for (const name of path) {
		const found = nodes.find((n) => name in n);
		nodes = (found?.[name] ?? []) as Node[];
	}
	return nodes.map((n) => Object.keys(n)[0]!);
}

const text = (v: unknown): string =>
	typeof v === 'string' ? v : String((v as Node | undefined)?.['#text'] ?? '');
const cents = (v: unknown): number => {
	const m = /^(-?)(\d+),(\d{2})$/.exec(text(v));
	if (!m) throw new Error(`not a Finvoice amount: ${text(v)}`);
	return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};

/** Finvoice 3.0's order of the top-level elements that Verkosto writes. */
const TOP_LEVEL = [
	'MessageTransmissionDetails',
	'SellerPartyDetails',
	'SellerOrganisationUnitNumber',
	'SellerCommunicationDetails',
	'SellerInformationDetails',
	'BuyerPartyDetails',
	'BuyerOrganisationUnitNumber',
	'DeliveryDetails',
	'InvoiceDetails',
	'PaymentStatusDetails',
	'VirtualBankBarcode',
	'InvoiceRow',
	'EpiDetails'
];

function inOrder(found: string[], schema: string[]) {
	const positions = found.map((name) => schema.indexOf(name));
	expect(positions, found.join(' ')).not.toContain(-1);
	expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe('renderFinvoice', () => {
	it('writes a well-formed Finvoice 3.0 invoice with its elements in the schema order', () => {
		const xml = render();
		const root = parse(xml);
		expect(root['@_Version']).toBe('3.0');
		expect(root['@_xsi:noNamespaceSchemaLocation']).toBe('Finvoice3.0.xsd');
		inOrder(childOrder(xml, ['Finvoice']), TOP_LEVEL);
		inOrder(childOrder(xml, ['Finvoice', 'InvoiceDetails']), [
			'InvoiceTypeCode',
			'InvoiceTypeCodeUN',
			'InvoiceTypeText',
			'OriginCode',
			'InvoiceNumber',
			'InvoiceDate',
			'OriginalInvoiceNumber',
			'OriginalInvoiceDate',
			'InvoicingPeriodStartDate',
			'InvoicingPeriodEndDate',
			'OrderIdentifier',
			'BuyerReferenceIdentifier',
			'RowsTotalVatExcludedAmount',
			'InvoiceTotalVatExcludedAmount',
			'InvoiceTotalVatAmount',
			'InvoiceTotalVatIncludedAmount',
			'VatSpecificationDetails',
			'InvoiceFreeText',
			'PaymentTermsDetails'
		]);
		inOrder(childOrder(xml, ['Finvoice', 'InvoiceRow']), [
			'ArticleName',
			'InvoicedQuantity',
			'StartDate',
			'EndDate',
			'UnitPriceAmount',
			'RowPositionIdentifier',
			'RowVatRatePercent',
			'RowVatCode',
			'RowVatExcludedAmount'
		]);
	});

	it('routes the message from the seller to the buyer by their e-invoice addresses', () => {
		const root = parse(render());
		const transmission = root['MessageTransmissionDetails'] as Node;
		expect(transmission).toEqual({
			MessageSenderDetails: { FromIdentifier: '003712345671', FromIntermediator: '003723327487' },
			MessageReceiverDetails: { ToIdentifier: '003776543212', ToIntermediator: '003723327487' },
			MessageDetails: {
				MessageIdentifier: '2024-000014',
				MessageTimeStamp: '2024-10-01T09:30:00+03:00',
				SpecificationIdentifier: 'EN16931'
			}
		});
		expect(root['SellerOrganisationUnitNumber']).toBe('003712345671');
		expect(root['BuyerOrganisationUnitNumber']).toBe('003776543212');
		expect((root['SellerPartyDetails'] as Node)['SellerPartyIdentifier']).toBe('1234567-1');
		expect((root['SellerPartyDetails'] as Node)['SellerOrganisationTaxCode']).toBe('FI12345671');
	});

	it('carries the invoice details, totals that add up and the VAT breakdown', () => {
		const doc = document(VAALA_INVOICE);
		const root = parse(render());
		const details = root['InvoiceDetails'] as Node;
		expect(details['InvoiceTypeCode']).toBe('INV01');
		expect(details['InvoiceTypeCodeUN']).toBe('380');
		expect(details['InvoiceTypeText']).toBe('LASKU');
		expect(details['InvoiceNumber']).toBe('2024-000014');
		expect(details['InvoiceDate']).toEqual({ '#text': '20241001', '@_Format': 'CCYYMMDD' });
		expect(details['BuyerReferenceIdentifier']).toBe('HALL 4100 / Mäkelä');

		const rows = root['InvoiceRow'] as Node[];
		const rowSum = rows.reduce((s, r) => s + cents(r['RowVatExcludedAmount']), 0);
		expect(rowSum).toBe(cents(details['RowsTotalVatExcludedAmount']));
		expect(cents(details['InvoiceTotalVatExcludedAmount'])).toBe(doc.totals.netCents);
		expect(cents(details['InvoiceTotalVatAmount'])).toBe(doc.totals.vatCents);
		expect(
			cents(details['InvoiceTotalVatExcludedAmount']) + cents(details['InvoiceTotalVatAmount'])
		).toBe(cents(details['InvoiceTotalVatIncludedAmount']));
		const vat = details['VatSpecificationDetails'] as Node[];
		expect(vat).toHaveLength(1);
		expect(vat[0]!['VatRatePercent']).toBe('25,5');
		expect(vat[0]!['VatCode']).toBe('S');
		expect(cents(vat[0]!['VatBaseAmount'])).toBe(doc.totals.netCents);
		expect(cents(vat[0]!['VatRateAmount'])).toBe(doc.totals.vatCents);

		expect(rows[2]!['InvoicedQuantity']).toEqual({
			'#text': '1234,5',
			'@_QuantityUnitCode': 'km',
			'@_QuantityUnitCodeUN': 'KMT'
		});
		expect(rows[0]!['StartDate']).toEqual({ '#text': '20240101', '@_Format': 'CCYYMMDD' });
		expect(text(rows[2]!['UnitPriceAmount'])).toBe('0,57');
		// 1 234,5 km × 0,57 € = 703,665 €, rounded half away from zero
		expect(text(rows[2]!['RowVatExcludedAmount'])).toBe('703,67');
	});

	it('asks for payment with the reference, due date and the virtual bar code', () => {
		const doc = document(VAALA_INVOICE);
		const root = parse(render());
		expect(root['VirtualBankBarcode']).toBe(doc.payment.virtualBarcode);
		const epi = (root['EpiDetails'] as Node)['EpiPaymentInstructionDetails'] as Node;
		expect(epi['EpiRemittanceInfoIdentifier']).toEqual({
			'#text': '20240000141',
			'@_IdentificationSchemeName': 'SPY'
		});
		expect(cents(epi['EpiInstructedAmount'])).toBe(doc.totals.grossCents);
		expect(text(epi['EpiDateOptionDate'])).toBe('20241015');
		const terms = (root['InvoiceDetails'] as Node)['PaymentTermsDetails'] as Node;
		expect(terms['PaymentTermsFreeText']).toBe('14 päivää netto');
		expect((terms['PaymentOverDueFineDetails'] as Node)['PaymentOverDueFineFreeText']).toBe(
			'Viivästyskorko korkolain mukaan'
		);
	});

	it('writes a Swedish invoice with an RF reference and a fixed penalty interest', () => {
		const root = parse(render(NARPES_INVOICE));
		expect((root['InvoiceDetails'] as Node)['InvoiceTypeText']).toBe('FAKTURA');
		const epi = (root['EpiDetails'] as Node)['EpiPaymentInstructionDetails'] as Node;
		expect(epi['EpiRemittanceInfoIdentifier']).toEqual({
			'#text': document(NARPES_INVOICE).payment.rfReference,
			'@_IdentificationSchemeName': 'ISO'
		});
		const fine = ((root['InvoiceDetails'] as Node)['PaymentTermsDetails'] as Node)[
			'PaymentOverDueFineDetails'
		] as Node;
		expect(fine['PaymentOverDueFinePercent']).toBe('11,5');
		expect(String(root['VirtualBankBarcode']).startsWith('5')).toBe(true);
		const row = (root['InvoiceRow'] as Node[])[0]!;
		expect((row['InvoicedQuantity'] as Node)['@_QuantityUnitCode']).toBe('år');
	});

	it('writes a credit note as INV02 with negative amounts and the credited invoice', () => {
		const credit = vaalaCredit();
		const result = renderFinvoice(credit, { now: NOW });
		if (!result.ok) throw new Error(result.problems.join());
		const xml = result.value;
		const root = parse(xml);
		inOrder(childOrder(xml, ['Finvoice']), TOP_LEVEL);
		const details = root['InvoiceDetails'] as Node;
		expect(details['InvoiceTypeCode']).toBe('INV02');
		expect(details['InvoiceTypeCodeUN']).toBe('381');
		expect(details['InvoiceTypeText']).toBe('HYVITYSLASKU');
		expect(details['OriginalInvoiceNumber']).toBe('2024-000014');
		expect(text(details['OriginalInvoiceDate'])).toBe('20241001');
		// 123,45 € + 25,5 % = 154,93 €, credited
		expect(text(details['InvoiceTotalVatIncludedAmount'])).toBe('-154,93');
		expect(cents(details['InvoiceTotalVatIncludedAmount'])).toBe(credit.totals.grossCents);
		const row = (root['InvoiceRow'] as Node[])[0]!;
		expect(text(row['InvoicedQuantity'])).toBe('-1');
		expect(text(row['UnitPriceAmount'])).toBe('123,45');
		expect(details['PaymentTermsDetails']).toBeUndefined();
		expect(root['VirtualBankBarcode']).toBeUndefined();
	});

	it('escapes what XML would misread in names and texts', () => {
		const result = renderFinvoice(
			document({
				...VAALA_INVOICE,
				buyer: { ...VAALA_INVOICE.buyer, name: 'Kunta & <Kaupunki> "Oy"' },
				note: 'a < b & c'
			}),
			{ now: NOW }
		);
		if (!result.ok) throw new Error(result.problems.join());
		const root = parse(result.value);
		expect(result.value).toContain('Kunta &amp; &lt;Kaupunki&gt;');
		expect((root['BuyerPartyDetails'] as Node)['BuyerOrganisationName']).toBe(
			'Kunta & <Kaupunki> "Oy"'
		);
		expect((root['InvoiceDetails'] as Node)['InvoiceFreeText']).toBe('a < b & c');
	});

	it('leaves the VAT numbers out when nothing is subject to VAT', () => {
		const root = parse(
			render({
				...VAALA_INVOICE,
				lines: [
					{
						...VAALA_INVOICE.lines[0]!,
						vatCategory: 'O',
						vatBasisPoints: null,
						exemptionReason: 'VATEX-EU-O'
					}
				]
			})
		);
		expect((root['SellerPartyDetails'] as Node)['SellerOrganisationTaxCode']).toBeUndefined();
		const vat = ((root['InvoiceDetails'] as Node)['VatSpecificationDetails'] as Node[])[0]!;
		expect(vat['VatCode']).toBe('O');
		expect(vat['VatExemptionReasonCode']).toBe('VATEX-EU-O');
	});

	it('refuses a buyer with no e-invoice address or operator, naming what is missing', () => {
		const built = buildInvoiceDocument({
			...VAALA_INVOICE,
			buyer: { ...VAALA_INVOICE.buyer, eInvoiceAddress: null, eInvoiceOperator: '' }
		});
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		expect(renderFinvoice(built.value)).toEqual({
			ok: false,
			problems: ['buyer_einvoice_address', 'buyer_operator']
		});
	});
});
