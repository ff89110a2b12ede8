import type { billingCreditFi } from '../fi/billing-credit';

/** Billing: credit notes (issue 10, ADR 026). */
export const billingCreditSv: Record<keyof typeof billingCreditFi, string> = {
	'credit.action': 'Kreditera fakturan',
	'credit.title': 'Kreditera faktura {number}',
	'credit.intro':
		'Välj de rader som ska krediteras och ange för var och en antingen en mängd eller ett belopp utan moms; momsen krediteras enligt samma skattesats. Kreditnotan får nästa nummer i samma serie som fakturorna och skickas till samma mottagare.',
	'credit.creditedSoFar': 'Krediterat hittills',
	'credit.notes': 'Kreditnotor',
	'credit.fullyCredited': 'Fakturan är helt krediterad.',
	'credit.line': 'Rad {line}: {description}',
	'credit.lineFacts': 'Fakturerat {quantity} × {price} = {net}; okrediterat {left} utan moms.',
	'credit.field.quantity': 'Mängd att kreditera, rad {line}',
	'credit.hint.quantity': 'Högst {max}.',
	'credit.field.amount': 'eller belopp att kreditera utan moms, rad {line}',
	'credit.hint.amount': 'I euro, högst {max}.',
	'credit.field.reason': 'Orsak till krediteringen',
	'credit.hint.reason': 'Syns på kreditnotan och i e-fakturan.',
	'credit.submit': 'Upprätta kreditnota',
	'credit.reason': 'Orsak till krediteringen',
	'credit.error.both': 'Ange antingen en mängd eller ett belopp, inte båda.',
	'credit.error.quantity': 'Ange mängden som ett tal, till exempel 1 eller 0,5.',
	'credit.error.amount':
		'Ange beloppet i euro, till exempel 1 000,00. Beloppet kan inte vara negativt.',
	'credit.error.reason': 'Skriv orsaken till krediteringen (högst {max} tecken).',
	'credit.error.nothingSelected': 'Välj minst en rad att kreditera.',
	'credit.error.not_found': 'Fakturan hittas inte.',
	'credit.error.not_an_invoice': 'En kreditnota kan inte krediteras.',
	'credit.error.nothing_to_credit':
		'Den valda krediteringen är 0,00 €: det finns inget att kreditera.',
	'credit.problem.original': 'Fakturans rader kan inte krediteras.',
	'credit.problem.earlier_credits_inconsistent': 'Fakturans tidigare krediteringar stämmer inte.',
	'credit.problem.nothing_selected': 'Välj minst en rad att kreditera.',
	'credit.problem.unknown_line': 'Fakturan har ingen sådan rad.',
	'credit.problem.selected_twice': 'Raden är vald två gånger.',
	'credit.problem.quantity': 'Ange en mängd som är större än noll.',
	'credit.problem.amount': 'Ange ett belopp som är större än noll.',
	'credit.problem.credited_by_amount':
		'Raden har tidigare krediterats med ett belopp: kreditera resten med ett belopp.',
	'credit.problem.exceeds_remaining': 'Mer än det som återstår att kreditera på raden.',
	'credit.mailedAt': 'Skickad per e-post {time}.',
	'credit.runDownload': 'Ladda ner körningens fakturor (zip: PDF, Finvoice och UBL)',
	'credit.mail.subject': 'Faktura {number}: {seller}',
	'credit.mail.text':
		'Bästa mottagare,\n\nbifogat finns faktura {number} från {seller}. Belopp {amount}, förfallodag {due}, referensnummer {reference}.\n\nMeddelandet har skickats från Verkosto eftersom er kommun har valt e-post som leveranssätt för fakturor.',
	'credit.noteMail.subject': 'Kreditfaktura {number} för faktura {credited}: {seller}',
	'credit.noteMail.text':
		'Bästa mottagare,\n\nbifogat finns kreditfaktura {number} från {seller}. Den krediterar {amount} av faktura {credited}. Kreditfakturan ska inte betalas.\n\nMeddelandet har skickats från Verkosto eftersom er kommun har valt e-post som leveranssätt för fakturor.'
};
