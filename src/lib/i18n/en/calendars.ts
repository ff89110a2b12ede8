import type { calendarsFi } from '../fi/calendars';

export const calendarsEn: Record<keyof typeof calendarsFi, string> = {
	'calendars.link': 'Events in your own calendar',
	'calendars.title': 'Events in your own calendar',
	'calendars.intro':
		'Subscribe to the events in your calendar program, such as Outlook, Google Calendar or your phone’s calendar. The calendar keeps itself up to date: new events, changes and cancellations show when the program next fetches the calendar (usually every few hours).',
	'calendars.howTo': 'How to subscribe',
	'calendars.howTo.copy': 'Create an address for the calendar and copy it.',
	'calendars.howTo.add':
		'Add the address to your calendar program as a subscribed calendar. In Outlook: Add calendar → Subscribe from web. In Google Calendar: Other calendars → From URL. On an iPhone: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar.',
	'calendars.howTo.open':
		'You can also open the webcal link, and your device’s calendar program asks whether to subscribe.',
	'calendars.howTo.secret':
		'The address is personal and secret: anyone who has it sees the calendar without signing in. Do not share it. You can come back to this page to copy the address to another device.',
	'calendars.personal': 'My events',
	'calendars.personalHelp':
		'Events you have signed up for, including those where you are on the waiting list. The online meeting link shows once your place is confirmed.',
	'calendars.network': 'The network’s events: {network}',
	'calendars.networkHelp':
		'All of the network’s events, also those you have not signed up for. Online meeting links do not show in this calendar.',
	'calendars.noNetworks':
		'Networks’ calendars show here once your municipality is a member in a network’s season, or when you are a network’s coordinator or expert.',
	'calendars.notCreated': 'This calendar has no address yet.',
	'calendars.create': 'Create an address',
	'calendars.address': 'Calendar address',
	'calendars.addressHelp': 'Copy this address into your calendar program.',
	'calendars.openWebcal': 'Open in your calendar program (webcal)',
	'calendars.renew': 'Renew the address',
	'calendars.renewHelp':
		'If the address has reached someone it does not belong to, renew it. The old address stops working at once.',
	'calendars.renewQuestion':
		'Renew the address? The old address stops working at once in every calendar program you have added it to, and the new address has to be added to them.',
	'calendars.renewConfirm': 'Yes, renew the address',
	'calendars.renewCancel': 'Do not renew',
	'calendars.created': 'The address has been created. Copy it into your calendar program.',
	'calendars.renewed': 'The address has been renewed. The old address no longer works.',
	'calendars.feed.personalName': 'My events – Verkosto',
	'calendars.feed.networkName': '{network} – Verkosto',
	'calendars.feed.waitingTitle': '{title} (waiting list)',
	'calendars.feed.waitingNote':
		'You are on the waiting list. You will get a message if a place becomes free for you; until then no place is held for you.',
	'calendars.feed.cancelledTitle': 'CANCELLED: {title}',
	'calendars.feed.cancelledNote': 'The event has been cancelled.',
	'calendars.feed.cancelledReason': 'The event has been cancelled: {reason}',
	'calendars.feed.online': 'Online meeting:'
};
