import type { Buyer, InvoiceDocument, Seller } from '$lib/domain/billing/invoice-document';
import type { EInvoiceAddress } from '$lib/domain/billing/business-id';
import type { VatCategory } from '$lib/domain/billing/invoice-totals';
import { serverTranslator } from '$lib/i18n/catalogue';
import {
	buildXml,
	decimalAmount,
	decimalPercent,
	decimalQuantity,
	type XmlNode
} from './xml-values';

/**
 * An invoice or credit note as a Peppol BIS Billing 3.0 document: a UBL 2.1 `Invoice` or
 * `CreditNote` that conforms to EN 16931 (OpenPEPPOL, "PEPPOL BIS Billing 3.0"; CEN EN
 * 16931-1 and its UBL syntax binding CEN/TS 16931-3-2). Elements follow the UBL schemas'
 * sequences. The BT-… numbers are EN 16931's business terms.
 *
 * - CustomizationID (BT-24) and ProfileID (BT-23) as Peppol requires (PEPPOL-EN16931-R001,
 *   R004); the buyer's reference BT-10 or order reference BT-13 must exist (R003).
 * - Electronic addresses (BT-34, BT-49): an OVT code with scheme 0216, otherwise the business
 *   ID with scheme 0037 (its eight digits); both are in Peppol's EAS code list.
 * - Amounts with two decimals in EUR, dates yyyy-mm-dd; the VAT breakdown and totals exactly
 *   as the domain computed them (BR-CO-10 … BR-CO-17).
 * - A credit note is a `CreditNote` (type 381) whose amounts and quantities are written
 *   positive, the ledger's negative amounts negated, and which refers to the credited invoice
 *   (BG-3: BT-25, BT-26).
 * - Payment (BG-16): means 58 (SEPA credit transfer) with an RF reference, 30 (credit transfer)
 *   with the national one, the reference as BT-83 and the seller's IBAN and BIC.
 */

export const CUSTOMIZATION_ID =
	'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NS = {
	invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
	credit_note: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
	cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
	cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
} as const;

export type UblProblem =
	/** Neither an OVT code nor a business ID to address the buyer by (PEPPOL-EN16931-R010). */
	| 'buyer_endpoint'
	/** Neither the buyer's reference nor an order reference (PEPPOL-EN16931-R003). */
	| 'buyer_reference'
	/** VAT charged (or zero-rated, exempt, reverse-charged) without the seller's VAT number. */
	| 'seller_vat_number';

export type UblResult = { ok: true; value: string } | { ok: false; problems: UblProblem[] };

/** An electronic address (BT-34, BT-49): the OVT code, or else the business ID's digits. */
export function endpointOf(party: {
	eInvoiceAddress: EInvoiceAddress | null;
	businessId: string | null;
}): { scheme: '0216' | '0037'; id: string } | null {
	if (party.eInvoiceAddress?.kind === 'ovt')
		return { scheme: '0216', id: party.eInvoiceAddress.value };
	if (party.businessId) return { scheme: '0037', id: party.businessId.replace('-', '') };
	return null;
}

const VAT_NEEDS_SELLER_ID: readonly VatCategory[] = ['S', 'Z', 'E', 'AE'];

function taxCategory(
	category: VatCategory,
	basisPoints: number | null,
	exemptionReason: string | null,
	element: 'cac:TaxCategory' | 'cac:ClassifiedTaxCategory'
): XmlNode {
	const reason = exemptionReason?.trim() || null;
	const node: XmlNode = {
		'cbc:ID': category,
		// Not subject to VAT carries no rate (BR-O-05, BR-O-09); every other category does.
		'cbc:Percent': category === 'O' ? undefined : decimalPercent(basisPoints ?? 0)
	};
	if (element === 'cac:TaxCategory' && reason) {
		if (/^VATEX-/i.test(reason)) node['cbc:TaxExemptionReasonCode'] = reason.toUpperCase();
		else node['cbc:TaxExemptionReason'] = reason;
	}
	node['cac:TaxScheme'] = { 'cbc:ID': 'VAT' };
	return node;
}

function party(
	p: Seller | Buyer,
	endpoint: { scheme: string; id: string },
	contact: XmlNode | undefined,
	withVatNumber: boolean
): XmlNode {
	return {
		'cbc:EndpointID': { '@_schemeID': endpoint.scheme, '#text': endpoint.id },
		'cac:PartyName': { 'cbc:Name': p.name },
		'cac:PostalAddress': {
			'cbc:StreetName': p.address.street,
			'cbc:CityName': p.address.city,
			'cbc:PostalZone': p.address.postalCode,
			'cac:Country': { 'cbc:IdentificationCode': p.address.countryCode }
		},
		'cac:PartyTaxScheme':
			p.vatNumber && withVatNumber
				? { 'cbc:CompanyID': p.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }
				: undefined,
		'cac:PartyLegalEntity': {
			'cbc:RegistrationName': p.name,
			// 0212: the Finnish business ID (Y-tunnus) in ISO 6523.
			'cbc:CompanyID': p.businessId ? { '@_schemeID': '0212', '#text': p.businessId } : undefined
		},
		'cac:Contact': contact
	};
}

export function renderUbl(doc: InvoiceDocument): UblResult {
	const sellerEndpoint = endpointOf(doc.seller);
	const buyerEndpoint = endpointOf(doc.buyer);
	const problems: UblProblem[] = [];
	if (!buyerEndpoint) problems.push('buyer_endpoint');
	if (!doc.buyer.buyerReference && !doc.buyer.orderReference) problems.push('buyer_reference');
	if (
		!doc.seller.vatNumber &&
		doc.totals.breakdown.some((g) => VAT_NEEDS_SELLER_ID.includes(g.vatCategory))
	) {
		problems.push('seller_vat_number');
	}
	// The seller's business ID is always there, so the seller always has an endpoint.
	if (problems.length > 0 || !buyerEndpoint || !sellerEndpoint) return { ok: false, problems };

	const credit = doc.kind === 'credit_note';
	// A CreditNote states what it credits as positive amounts.
	const sign = credit ? -1 : 1;
	const money = (cents: number): XmlNode => ({
		'@_currencyID': doc.currency,
		'#text': decimalAmount(sign * cents + 0)
	});
	const { seller, buyer, totals, payment } = doc;
	const t = serverTranslator(doc.language);
	const rf = payment.preferred === 'rf';
	// An invoice of what is not subject to VAT names no VAT number (BR-O-02); the domain keeps
	// such lines from sharing an invoice with any other category.
	const vatNumbers = !totals.breakdown.some((g) => g.vatCategory === 'O');

	// BT-20. A credit note says there is nothing to pay: BR-CO-25 asks for terms or a due date
	// whenever the amount due is positive, as a credit note's is.
	const terms = credit
		? t('invoices.doc.nothingToPay')
		: [
				payment.paymentTerms,
				payment.penaltyInterestBasisPoints === null
					? t('invoices.einvoice.penaltyInterestAct')
					: t('invoices.einvoice.penaltyInterestRate', {
							rate: decimalPercent(payment.penaltyInterestBasisPoints, ',')
						})
			]
				.filter(Boolean)
				.join('. ');

	const body: XmlNode = {
		'@_xmlns': NS[doc.kind],
		'@_xmlns:cac': NS.cac,
		'@_xmlns:cbc': NS.cbc,
		'cbc:CustomizationID': CUSTOMIZATION_ID,
		'cbc:ProfileID': PROFILE_ID,
		'cbc:ID': doc.number,
		'cbc:IssueDate': doc.issueDate,
		'cbc:DueDate': credit ? undefined : (doc.dueDate ?? undefined),
		[credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode']: credit ? '381' : '380',
		'cbc:Note': doc.note ?? undefined,
		'cbc:DocumentCurrencyCode': doc.currency,
		'cbc:BuyerReference': buyer.buyerReference ?? undefined,
		'cac:InvoicePeriod': doc.invoicePeriod
			? { 'cbc:StartDate': doc.invoicePeriod.start, 'cbc:EndDate': doc.invoicePeriod.end }
			: undefined,
		'cac:OrderReference': buyer.orderReference ? { 'cbc:ID': buyer.orderReference } : undefined,
		'cac:BillingReference': doc.credited
			? {
					'cac:InvoiceDocumentReference': {
						'cbc:ID': doc.credited.number,
						'cbc:IssueDate': doc.credited.issueDate
					}
				}
			: undefined,
		'cac:AccountingSupplierParty': {
			'cac:Party': party(
				seller,
				sellerEndpoint,
				seller.phone || seller.email
					? {
							'cbc:Telephone': seller.phone ?? undefined,
							'cbc:ElectronicMail': seller.email ?? undefined
						}
					: undefined,
				vatNumbers
			)
		},
		'cac:AccountingCustomerParty': {
			'cac:Party': party(buyer, buyerEndpoint, undefined, vatNumbers)
		},
		'cac:Delivery': doc.deliveryDate ? { 'cbc:ActualDeliveryDate': doc.deliveryDate } : undefined,
		'cac:PaymentMeans': credit
			? undefined
			: {
					'cbc:PaymentMeansCode': rf ? '58' : '30',
					'cbc:PaymentID': rf ? payment.rfReference : payment.reference,
					'cac:PayeeFinancialAccount': {
						'cbc:ID': seller.iban,
						'cbc:Name': seller.name,
						'cac:FinancialInstitutionBranch': { 'cbc:ID': seller.bic }
					}
				},
		'cac:PaymentTerms': { 'cbc:Note': terms },
		'cac:TaxTotal': {
			'cbc:TaxAmount': money(totals.vatCents),
			'cac:TaxSubtotal': totals.breakdown.map((g) => ({
				'cbc:TaxableAmount': money(g.taxableCents),
				'cbc:TaxAmount': money(g.vatCents),
				'cac:TaxCategory': taxCategory(
					g.vatCategory,
					g.vatBasisPoints,
					g.exemptionReason,
					'cac:TaxCategory'
				)
			}))
		},
		'cac:LegalMonetaryTotal': {
			'cbc:LineExtensionAmount': money(totals.netCents),
			'cbc:TaxExclusiveAmount': money(totals.netCents),
			'cbc:TaxInclusiveAmount': money(totals.grossCents),
			'cbc:PayableAmount': money(totals.grossCents)
		},
		[credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine']: doc.lines.map((line) => ({
			'cbc:ID': line.lineId,
			[credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity']: {
				'@_unitCode': line.unitCode,
				'#text': decimalQuantity(sign * line.quantityTenThousandths + 0)
			},
			'cbc:LineExtensionAmount': money(line.netCents),
			'cac:InvoicePeriod': line.period
				? { 'cbc:StartDate': line.period.start, 'cbc:EndDate': line.period.end }
				: undefined,
			'cac:Item': {
				'cbc:Name': line.description,
				'cac:ClassifiedTaxCategory': taxCategory(
					line.vatCategory,
					line.vatBasisPoints,
					null,
					'cac:ClassifiedTaxCategory'
				)
			},
			'cac:Price': {
				// The item net price is never negative (BR-27); the sign is the quantity's.
				'cbc:PriceAmount': {
					'@_currencyID': doc.currency,
					'#text': decimalAmount(line.unitPriceCents)
				}
			}
		}))
	};
	return { ok: true, value: buildXml({ [credit ? 'CreditNote' : 'Invoice']: body }) };
}
