/** The season's workshop reports, and a municipality's approved travel costs. */
export const workshopReportsFi = {
	'workshopReports.title': 'Työpajaraportit',
	'workshopReports.link': 'Raportit',
	'workshopReports.intro':
		'Kauden kehittämistyöpajat painopisteittäin ja hyväksytyt matkakulut kunnittain ja asiantuntijoittain. Kuntakohtainen käyttö on jäsenten työpajaoikeuksien taulukossa.',
	'workshopReports.ledgers': 'Jäsenten työpajaoikeudet',
	'workshopReports.byFocusArea': 'Työpajat painopisteittäin',
	'workshopReports.total': 'Yhteensä',
	'workshopReports.costs': 'Hyväksytyt matkakulut',
	'workshopReports.costsIntro':
		'Koordinaattorin hyväksymät matkat, jotka liittyivät kauden työpajoihin. Rajaa tarvittaessa hyväksymispäivän mukaan.',
	'workshopReports.approvedFrom': 'Hyväksytty alkaen',
	'workshopReports.approvedTo': 'Hyväksytty asti',
	'workshopReports.costTotal': '{count} matkaa, yhteensä {amount}',
	'workshopReports.costTotal.one': '{count} matka, yhteensä {amount}',
	'workshopReports.byMunicipality': 'Kunnittain',
	'workshopReports.byExpert': 'Asiantuntijoittain',
	'workshopReports.noCosts': 'Ei hyväksyttyjä matkakuluja.',
	'workshopReports.sharedJourneysHint':
		'Usean kunnan työpajoihin liittynyt matka on jaettu kunnille; se lasketaan kunkin kunnan matkoihin, mutta yhteensä-rivillä kerran.',
	'workshopReports.journeys': 'Matkoja',
	'workshopReports.periodNote': 'Hyväksytty {from}–{to}',
	'municipalityCosts.title': 'Hyväksytyt matkakulut',
	'municipalityCosts.intro':
		'Asiantuntijoiden kunnan työpajoihin tekemät matkat, jotka koordinaattori on hyväksynyt ja jotka laskutetaan kunnalta todellisten kulujen mukaan. Usean kunnan työpajoihin liittynyt matka on jaettu kunnille; kunnan osuus on laskettu matkan kaikista kuluista.',
	'municipalityCosts.total': '{count} matkaa, kunnan osuus yhteensä {amount}',
	'municipalityCosts.total.one': '{count} matka, kunnan osuus yhteensä {amount}',
	'municipalityCosts.approvedAt': 'Hyväksytty',
	'municipalityCosts.part': 'Kunnan osuus',
	'municipalityCosts.sharedPart':
		'Jaettu matka: kunnan paino {weight} / {totalWeight}, matka yhteensä {total}.',
	'municipalityCosts.linesOf': 'Matkan {from} – {to} kulut',
	'municipalityCosts.sharedReceipts':
		'Jaetun matkan kuitit koskevat myös muita kuntia, eikä niitä näytetä täällä; koordinaattori toimittaa ne pyydettäessä.',
	'municipalityCosts.weight': 'Kunnan paino',
	'municipalityCosts.totalWeight': 'Painot yhteensä',
	'municipalityCosts.journeyTotal': 'Matka yhteensä'
} as const;
