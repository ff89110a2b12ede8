import type { calendarsFi } from '../fi/calendars';

export const calendarsSv: Record<keyof typeof calendarsFi, string> = {
	'calendars.link': 'Evenemangen i din egen kalender',
	'calendars.title': 'Evenemangen i din egen kalender',
	'calendars.intro':
		'Prenumerera på evenemangen i ditt kalenderprogram, till exempel Outlook, Google Kalender eller telefonens kalender. Kalendern uppdateras av sig själv: nya evenemang, ändringar och inställda evenemang syns när programmet nästa gång hämtar kalendern (vanligen med några timmars mellanrum).',
	'calendars.howTo': 'Så här prenumererar du på kalendern',
	'calendars.howTo.copy': 'Skapa en adress för kalendern och kopiera den.',
	'calendars.howTo.add':
		'Lägg till adressen i ditt kalenderprogram som en prenumererad kalender. I Outlook: Lägg till kalender → Prenumerera från webben. I Google Kalender: Andra kalendrar → Från webbadress. På iPhone: Inställningar → Kalender → Konton → Lägg till konto → Annat → Lägg till prenumererad kalender.',
	'calendars.howTo.open':
		'Du kan också öppna webcal-länken, så frågar enhetens kalenderprogram om du vill prenumerera på kalendern.',
	'calendars.howTo.secret':
		'Adressen är personlig och hemlig: vem som helst som har adressen ser kalendern utan att logga in. Dela den inte. Du kan komma tillbaka till den här sidan för att kopiera adressen till en ny enhet.',
	'calendars.personal': 'Mina evenemang',
	'calendars.personalHelp':
		'Evenemang du har anmält dig till, också de där du står i kö. Länken till distansanslutningen syns när din plats är bekräftad.',
	'calendars.network': 'Nätverkets evenemang: {network}',
	'calendars.networkHelp':
		'Alla nätverkets evenemang, också de du inte har anmält dig till. Länkar till distansanslutningar syns inte i den här kalendern.',
	'calendars.noNetworks':
		'Nätverkens kalendrar syns här när din kommun är medlem under en säsong i ett nätverk eller när du är nätverkets koordinator eller sakkunnig.',
	'calendars.notCreated': 'Den här kalendern har ännu ingen adress.',
	'calendars.create': 'Skapa adress',
	'calendars.address': 'Kalenderns adress',
	'calendars.addressHelp': 'Kopiera den här adressen till kalenderprogrammet.',
	'calendars.openWebcal': 'Öppna i kalenderprogrammet (webcal)',
	'calendars.renew': 'Förnya adressen',
	'calendars.renewHelp':
		'Om adressen har hamnat hos någon som den inte hör till, förnya den. Den gamla adressen slutar fungera genast.',
	'calendars.renewQuestion':
		'Ska adressen förnyas? Den gamla adressen slutar genast fungera i alla kalenderprogram där du har lagt till den, och den nya adressen måste läggas till i dem.',
	'calendars.renewConfirm': 'Ja, förnya adressen',
	'calendars.renewCancel': 'Förnya inte',
	'calendars.created': 'Adressen har skapats. Kopiera den till ditt kalenderprogram.',
	'calendars.renewed': 'Adressen har förnyats. Den gamla adressen fungerar inte längre.',
	'calendars.feed.personalName': 'Mina evenemang – Verkosto',
	'calendars.feed.networkName': '{network} – Verkosto',
	'calendars.feed.waitingTitle': '{title} (i kö)',
	'calendars.feed.waitingNote':
		'Du står i kö. Du får ett meddelande om en plats blir ledig för dig; tills dess är ingen plats reserverad för dig.',
	'calendars.feed.cancelledTitle': 'INSTÄLLT: {title}',
	'calendars.feed.cancelledNote': 'Evenemanget är inställt.',
	'calendars.feed.cancelledReason': 'Evenemanget är inställt: {reason}',
	'calendars.feed.online': 'Distansanslutning:'
};
