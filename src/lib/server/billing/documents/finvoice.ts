import type { InvoiceDocument } from '$lib/domain/billing/invoice-document';
import { helsinkiOffsetMinutes, toHelsinki } from '$lib/domain/helsinki-time';
import { serverTranslator } from '$lib/i18n/catalogue';
import {
	buildXml,
	compactDate,
	cut,
	decimalAmount,
	decimalPercent,
	decimalQuantity,
	type XmlNode
} from './xml-values';

/**
 * An invoice or credit note as a Finvoice 3.0 message, the Finnish banks' and operators'
 * e-invoice (Finance Finland, "Finvoice 3.0 implementation guidelines" and the schema
 * Finvoice3.0.xsd). Elements follow the schema's sequence; only what Verkosto has is written.
 *
 * - Invoice: InvoiceTypeCode INV01 (InvoiceTypeCodeUN 380); credit note: INV02 (381) with
 *   OriginalInvoiceNumber and OriginalInvoiceDate, and its amounts negative, as the
 *   guidelines ask of a credit note.
 * - Amounts with a decimal comma and two decimals, dates as CCYYMMDD, the VAT breakdown per
 *   category and rate as the domain computed it (EN 16931 BT-116 … BT-119, VatCode = BT-118).
 * - The payment: the reference in EpiRemittanceInfoIdentifier, scheme SPY for the national
 *   reference and ISO for RF, the due date and amount, and the 54 digits of the bank's
 *   virtual bar code (VirtualBankBarcode).
 * - Routing (MessageTransmissionDetails): from the seller's e-invoice address and operator
 *   to the buyer's; without the buyer's address and operator there is nowhere to send it.
 */

export type FinvoiceProblem = 'buyer_einvoice_address' | 'buyer_operator' | 'seller_operator';

export type FinvoiceResult =
	{ ok: true; value: string } | { ok: false; problems: FinvoiceProblem[] };

const amount = (cents: number): XmlNode => ({
	'@_AmountCurrencyIdentifier': 'EUR',
	'#text': decimalAmount(cents, ',')
});

const date = (day: string): XmlNode => ({ '@_Format': 'CCYYMMDD', '#text': compactDate(day) });

/** MessageTimeStamp: the local time in Helsinki with its offset, "2024-10-01T09:30:00+03:00". */
function timestamp(instant: Date): string {
	const local = toHelsinki(instant);
	const offset = helsinkiOffsetMinutes(instant);
	const hours = String(Math.trunc(offset / 60)).padStart(2, '0');
	const minutes = String(offset % 60).padStart(2, '0');
	return `${local.date}T${local.time}:00+${hours}:${minutes}`;
}

function exemptionFields(reason: string | null): XmlNode {
	if (reason === null) return {};
	return /^VATEX-/i.test(reason)
		? { VatExemptionReasonCode: reason.toUpperCase() }
		: { VatFreeText: cut(reason, 70) };
}

export function renderFinvoice(doc: InvoiceDocument, options: { now?: Date } = {}): FinvoiceResult {
	const to = doc.buyer.eInvoiceAddress;
	const toOperator = doc.buyer.eInvoiceOperator;
	const fromOperator = doc.seller.eInvoiceOperator;
	const problems: FinvoiceProblem[] = [];
	if (!to) problems.push('buyer_einvoice_address');
	if (!toOperator) problems.push('buyer_operator');
	if (!fromOperator) problems.push('seller_operator');
	if (!to || !toOperator || !fromOperator) return { ok: false, problems };
	const credit = doc.kind === 'credit_note';
	const t = serverTranslator(doc.language);
	const { seller, buyer, totals, payment } = doc;
	const rf = payment.preferred === 'rf';
	// As in UBL: what is not subject to VAT is invoiced without VAT numbers (EN 16931 BR-O-02).
	const vatNumbers = !totals.breakdown.some((g) => g.vatCategory === 'O');
	const penalty =
		payment.penaltyInterestBasisPoints === null
			? null
			: decimalPercent(payment.penaltyInterestBasisPoints, ',');

	const finvoice: XmlNode = {
		'@_Version': '3.0',
		'@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
		'@_xsi:noNamespaceSchemaLocation': 'Finvoice3.0.xsd',
		MessageTransmissionDetails: {
			MessageSenderDetails: {
				FromIdentifier: seller.eInvoiceAddress.value,
				FromIntermediator: fromOperator.value
			},
			MessageReceiverDetails: {
				ToIdentifier: to.value,
				ToIntermediator: toOperator.value
			},
			MessageDetails: {
				MessageIdentifier: doc.number,
				MessageTimeStamp: timestamp(options.now ?? new Date()),
				SpecificationIdentifier: 'EN16931'
			}
		},
		SellerPartyDetails: {
			SellerPartyIdentifier: seller.businessId,
			SellerOrganisationName: cut(seller.name, 70),
			SellerOrganisationTaxCode: vatNumbers ? (seller.vatNumber ?? undefined) : undefined,
			SellerPostalAddressDetails: {
				SellerStreetName: cut(seller.address.street, 35),
				SellerTownName: cut(seller.address.city, 35),
				SellerPostCodeIdentifier: seller.address.postalCode,
				CountryCode: seller.address.countryCode
			}
		},
		SellerOrganisationUnitNumber:
			seller.eInvoiceAddress.kind === 'ovt' ? seller.eInvoiceAddress.value : undefined,
		SellerCommunicationDetails:
			seller.phone || seller.email
				? {
						SellerPhoneNumberIdentifier: seller.phone ?? undefined,
						SellerEmailaddressIdentifier: seller.email ?? undefined
					}
				: undefined,
		SellerInformationDetails: {
			SellerAccountDetails: {
				SellerAccountID: { '@_IdentificationSchemeName': 'IBAN', '#text': seller.iban },
				SellerBic: { '@_IdentificationSchemeName': 'BIC', '#text': seller.bic }
			}
		},
		BuyerPartyDetails: {
			BuyerPartyIdentifier: buyer.businessId ?? undefined,
			BuyerOrganisationName: cut(buyer.name, 70),
			BuyerOrganisationTaxCode: vatNumbers ? (buyer.vatNumber ?? undefined) : undefined,
			BuyerPostalAddressDetails: {
				BuyerStreetName: cut(buyer.address.street, 35),
				BuyerTownName: cut(buyer.address.city, 35),
				BuyerPostCodeIdentifier: buyer.address.postalCode,
				CountryCode: buyer.address.countryCode
			}
		},
		BuyerOrganisationUnitNumber: to.kind === 'ovt' ? to.value : undefined,
		DeliveryDetails: doc.deliveryDate ? { DeliveryDate: date(doc.deliveryDate) } : undefined,
		InvoiceDetails: {
			InvoiceTypeCode: credit ? 'INV02' : 'INV01',
			InvoiceTypeCodeUN: credit ? '381' : '380',
			InvoiceTypeText: t(credit ? 'invoices.einvoice.creditNote' : 'invoices.einvoice.invoice'),
			OriginCode: 'Original',
			InvoiceNumber: doc.number,
			InvoiceDate: date(doc.issueDate),
			OriginalInvoiceNumber: doc.credited?.number,
			OriginalInvoiceDate: doc.credited ? date(doc.credited.issueDate) : undefined,
			InvoicingPeriodStartDate: doc.invoicePeriod ? date(doc.invoicePeriod.start) : undefined,
			InvoicingPeriodEndDate: doc.invoicePeriod ? date(doc.invoicePeriod.end) : undefined,
			OrderIdentifier: buyer.orderReference ?? undefined,
			BuyerReferenceIdentifier: buyer.buyerReference ?? undefined,
			RowsTotalVatExcludedAmount: amount(totals.netCents),
			InvoiceTotalVatExcludedAmount: amount(totals.netCents),
			InvoiceTotalVatAmount: amount(totals.vatCents),
			InvoiceTotalVatIncludedAmount: amount(totals.grossCents),
			VatSpecificationDetails: totals.breakdown.map((g) => ({
				VatBaseAmount: amount(g.taxableCents),
				VatRatePercent: decimalPercent(g.vatBasisPoints ?? 0, ','),
				VatCode: g.vatCategory,
				VatRateAmount: amount(g.vatCents),
				...exemptionFields(g.exemptionReason)
			})),
			InvoiceFreeText: doc.note ? cut(doc.note, 512) : undefined,
			PaymentTermsDetails: credit
				? undefined
				: {
						PaymentTermsFreeText: payment.paymentTerms ? cut(payment.paymentTerms, 70) : undefined,
						InvoiceDueDate: doc.dueDate ? date(doc.dueDate) : undefined,
						PaymentOverDueFineDetails: {
							PaymentOverDueFineFreeText:
								penalty === null
									? t('invoices.einvoice.penaltyInterestAct')
									: t('invoices.einvoice.penaltyInterestRate', { rate: penalty }),
							PaymentOverDueFinePercent: penalty ?? undefined
						}
					}
		},
		PaymentStatusDetails: credit ? undefined : { PaymentStatusCode: 'NOTPAID' },
		VirtualBankBarcode: payment.virtualBarcode ?? undefined,
		InvoiceRow: doc.lines.map((line) => ({
			ArticleName: cut(line.description, 100),
			InvoicedQuantity: {
				'@_QuantityUnitCode': t(`invoices.unit.${line.unitCode}`),
				'@_QuantityUnitCodeUN': line.unitCode,
				'#text': decimalQuantity(line.quantityTenThousandths, ',')
			},
			StartDate: line.period ? date(line.period.start) : undefined,
			EndDate: line.period ? date(line.period.end) : undefined,
			UnitPriceAmount: amount(line.unitPriceCents),
			RowPositionIdentifier: line.lineId,
			RowVatRatePercent: decimalPercent(line.vatBasisPoints ?? 0, ','),
			RowVatCode: line.vatCategory,
			RowVatExcludedAmount: amount(line.netCents)
		})),
		EpiDetails: {
			EpiIdentificationDetails: {
				EpiDate: date(doc.issueDate),
				EpiReference: doc.number
			},
			EpiPartyDetails: {
				EpiBfiPartyDetails: {
					EpiBfiIdentifier: { '@_IdentificationSchemeName': 'BIC', '#text': seller.bic }
				},
				EpiBeneficiaryPartyDetails: {
					EpiNameAddressDetails: cut(seller.name, 35),
					EpiBei: seller.businessId,
					EpiAccountID: { '@_IdentificationSchemeName': 'IBAN', '#text': seller.iban }
				}
			},
			EpiPaymentInstructionDetails: {
				EpiRemittanceInfoIdentifier: {
					'@_IdentificationSchemeName': rf ? 'ISO' : 'SPY',
					'#text': rf ? payment.rfReference : payment.reference
				},
				EpiInstructedAmount: amount(totals.grossCents),
				EpiCharge: { '@_ChargeOption': 'SHA', '#text': 'SHA' },
				EpiDateOptionDate: date(doc.dueDate ?? doc.issueDate),
				EpiPaymentMeansCode: '58'
			}
		}
	};
	return { ok: true, value: buildXml({ Finvoice: finvoice }) };
}
