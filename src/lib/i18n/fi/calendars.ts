/** The calendar feeds: the account's calendar page and the texts of the feeds themselves. */
export const calendarsFi = {
	'calendars.link': 'Tapahtumat omaan kalenteriin',
	'calendars.title': 'Tapahtumat omaan kalenteriin',
	'calendars.intro':
		'Tilaa tapahtumat kalenteriohjelmaasi, kuten Outlookiin, Googlen kalenteriin tai puhelimen kalenteriin. Kalenteri päivittyy itsestään: uudet tapahtumat, muutokset ja peruutukset näkyvät siinä, kun ohjelma seuraavan kerran hakee kalenterin (yleensä muutaman tunnin välein).',
	'calendars.howTo': 'Näin tilaat kalenterin',
	'calendars.howTo.copy': 'Luo kalenterille osoite ja kopioi se.',
	'calendars.howTo.add':
		'Lisää osoite kalenteriohjelmaasi tilattavana kalenterina. Outlookissa: Lisää kalenteri → Tilaa verkosta. Googlen kalenterissa: Muut kalenterit → URL-osoitteesta. iPhonessa: Asetukset → Kalenteri → Tilit → Lisää tili → Muu → Lisää tilattu kalenteri.',
	'calendars.howTo.open':
		'Voit myös avata webcal-linkin, jolloin laitteesi kalenteriohjelma kysyy, tilataanko kalenteri.',
	'calendars.howTo.secret':
		'Osoite on henkilökohtainen ja salainen: kuka tahansa, jolla osoite on, näkee kalenterin ilman kirjautumista. Älä jaa sitä. Voit palata tälle sivulle kopioimaan osoitteen uudelle laitteelle.',
	'calendars.personal': 'Omat tapahtumat',
	'calendars.personalHelp':
		'Tapahtumat, joihin olet ilmoittautunut, myös ne, joissa olet jonossa. Etäyhteyden linkki näkyy, kun paikkasi on vahvistettu.',
	'calendars.network': 'Verkoston tapahtumat: {network}',
	'calendars.networkHelp':
		'Verkoston kaikki tapahtumat, myös ne, joihin et ole ilmoittautunut. Etäyhteyksien linkit eivät näy tässä kalenterissa.',
	'calendars.noNetworks':
		'Verkostojen kalenterit näkyvät täällä, kun kuntasi on jonkin verkoston kauden jäsen tai kun toimit verkoston koordinaattorina tai asiantuntijana.',
	'calendars.notCreated': 'Tälle kalenterille ei ole vielä osoitetta.',
	'calendars.create': 'Luo osoite',
	'calendars.address': 'Kalenterin osoite',
	'calendars.addressHelp': 'Kopioi tämä osoite kalenteriohjelmaan.',
	'calendars.openWebcal': 'Avaa kalenteriohjelmassa (webcal)',
	'calendars.renew': 'Uusi osoite',
	'calendars.renewHelp':
		'Jos osoite on päätynyt jollekulle, jolle se ei kuulu, uusi se. Vanha osoite lakkaa toimimasta heti.',
	'calendars.renewQuestion':
		'Uusitaanko osoite? Vanha osoite lakkaa toimimasta heti kaikissa kalenteriohjelmissa, joihin olet sen lisännyt, ja niihin on lisättävä uusi osoite.',
	'calendars.renewConfirm': 'Kyllä, uusi osoite',
	'calendars.renewCancel': 'Älä uusi',
	'calendars.created': 'Osoite on luotu. Kopioi se kalenteriohjelmaasi.',
	'calendars.renewed': 'Osoite on uusittu. Vanha osoite ei enää toimi.',
	'calendars.feed.personalName': 'Omat tapahtumat – Verkosto',
	'calendars.feed.networkName': '{network} – Verkosto',
	'calendars.feed.waitingTitle': '{title} (jonossa)',
	'calendars.feed.waitingNote':
		'Olet jonossa. Saat viestin, jos sinulle vapautuu paikka; siihen asti paikkaa ei ole varattu sinulle.',
	'calendars.feed.cancelledTitle': 'PERUTTU: {title}',
	'calendars.feed.cancelledNote': 'Tapahtuma on peruttu.',
	'calendars.feed.cancelledReason': 'Tapahtuma on peruttu: {reason}',
	'calendars.feed.online': 'Etäyhteys:'
} as const;
