import type { billingCreditFi } from '../fi/billing-credit';

/** Billing: credit notes (issue 10, ADR 026). */
export const billingCreditEn: Record<keyof typeof billingCreditFi, string> = {
	'credit.action': 'Credit the invoice',
	'credit.title': 'Credit invoice {number}',
	'credit.intro':
		'Choose the lines to credit and give each either a quantity or an amount without VAT; the VAT is credited at the same rate. The credit note takes the next number of the same series as invoices and goes to the same recipients.',
	'credit.creditedSoFar': 'Credited so far',
	'credit.notes': 'Credit notes',
	'credit.fullyCredited': 'The invoice is credited in full.',
	'credit.line': 'Line {line}: {description}',
	'credit.lineFacts': 'Invoiced {quantity} × {price} = {net}; {left} without VAT not yet credited.',
	'credit.field.quantity': 'Quantity to credit, line {line}',
	'credit.hint.quantity': 'At most {max}.',
	'credit.field.amount': 'or amount to credit without VAT, line {line}',
	'credit.hint.amount': 'In euros, at most {max}.',
	'credit.field.reason': 'Reason for the credit',
	'credit.hint.reason': 'Shown on the credit note and in the e-invoice.',
	'credit.submit': 'Make the credit note',
	'credit.reason': 'Reason for the credit',
	'credit.error.both': 'Give either a quantity or an amount, not both.',
	'credit.error.quantity': 'Give the quantity as a number, for example 1 or 0,5.',
	'credit.error.amount': 'Give the amount in euros, for example 1 000,00. It cannot be negative.',
	'credit.error.reason': 'Write the reason for the credit (at most {max} characters).',
	'credit.error.nothingSelected': 'Choose at least one line to credit.',
	'credit.error.not_found': 'The invoice was not found.',
	'credit.error.not_an_invoice': 'A credit note cannot be credited.',
	'credit.error.nothing_to_credit': 'The chosen credit is 0,00 €: there is nothing to credit.',
	'credit.problem.original': 'The invoice’s lines cannot be credited.',
	'credit.problem.earlier_credits_inconsistent': 'The invoice’s earlier credits do not add up.',
	'credit.problem.nothing_selected': 'Choose at least one line to credit.',
	'credit.problem.unknown_line': 'The invoice has no such line.',
	'credit.problem.selected_twice': 'The line is chosen twice.',
	'credit.problem.quantity': 'Give a quantity above zero.',
	'credit.problem.amount': 'Give an amount above zero.',
	'credit.problem.credited_by_amount':
		'The line was credited by an amount before: credit the rest by an amount.',
	'credit.problem.exceeds_remaining': 'More than is left to credit on the line.',
	'credit.mailedAt': 'Sent by e-mail {time}.',
	'credit.runDownload': 'Download the run’s invoices (zip: PDF, Finvoice and UBL)',
	'credit.mail.subject': 'Invoice {number}: {seller}',
	'credit.mail.text':
		'Dear recipient,\n\nattached is invoice {number} from {seller}. Amount {amount}, due date {due}, reference number {reference}.\n\nThis message was sent from Verkosto because your municipality chose e-mail as its invoices’ delivery.',
	'credit.noteMail.subject': 'Credit note {number} for invoice {credited}: {seller}',
	'credit.noteMail.text':
		'Dear recipient,\n\nattached is credit note {number} from {seller}. It credits {amount} of invoice {credited}. Nothing is to be paid for a credit note.\n\nThis message was sent from Verkosto because your municipality chose e-mail as its invoices’ delivery.'
};
