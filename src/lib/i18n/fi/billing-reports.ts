/** Billing: reports (issue 10, ADR 026). */
export const billingReportsFi = {
	'reports.title': 'Laskutuksen raportit',
	'reports.link': 'Raportit: laskutettu, maksettu ja avoimet saatavat',
	'reports.bySeason': 'Laskutettu ja maksettu kausittain',
	'reports.bySeasonIntro':
		'Kunkin kauden ja laskutusvuoden laskut, hyvitykset ja maksut verollisina. Laskutettu on laskut hyvitysten jälkeen.',
	'reports.season': 'Kausi {number}',
	'reports.none': 'Ei vielä laskuja.',
	'reports.receivables': 'Avoimet saatavat ikäjaoteltuina',
	'reports.receivablesIntro':
		'Maksamatta olevat laskut jäsenkunnittain sen mukaan, montako päivää eräpäivästä on kulunut {date}.',
	'reports.noReceivables': 'Ei avoimia saatavia.',
	'reports.column.invoices': 'Laskuja',
	'reports.column.invoiced': 'Laskut',
	'reports.column.creditNotes': 'Hyvityslaskuja',
	'reports.column.credited': 'Hyvitetty',
	'reports.column.billed': 'Laskutettu',
	'reports.column.paid': 'Maksettu',
	'reports.column.open': 'Avoinna',
	'reports.column.total': 'Yhteensä',
	'reports.age.not_due': 'Ei erääntynyt',
	'reports.age.d1_30': '1–30 päivää',
	'reports.age.d31_60': '31–60 päivää',
	'reports.age.d61_90': '61–90 päivää',
	'reports.age.over_90': 'Yli 90 päivää'
};
