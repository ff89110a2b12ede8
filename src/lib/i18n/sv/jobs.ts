import type { jobsFi } from '../fi/jobs';

export const jobsSv: Record<keyof typeof jobsFi, string> = {
	'nav.jobs': 'Bakgrundsjobb',
	'jobs.title': 'Misslyckade bakgrundsjobb',
	'jobs.intro':
		'Servern utför en del arbete i bakgrunden, till exempel skickar e-post. Ett jobb som misslyckas försöks igen med allt längre mellanrum, högst en timme. Här visas de jobb vars alla försök misslyckades. Åtgärda orsaken (till exempel e-postserverns inställningar) och försök igen.',
	'jobs.empty': 'Inga misslyckade jobb.',
	'jobs.id': 'Jobb',
	'jobs.kind': 'Typ av jobb',
	'jobs.attempts': 'Försök',
	'jobs.attemptsOf': '{attempts}/{max}',
	'jobs.lastError': 'Senaste fel',
	'jobs.createdAt': 'Skapat',
	'jobs.failedAt': 'Misslyckades',
	'jobs.action': 'Åtgärd',
	'jobs.retry': 'Försök igen',
	'jobs.jobNumber': '(jobb {id})',
	'jobs.retried': 'Jobb {id} står i kö igen och körs snart.',
	'jobs.error.not_found':
		'Jobbet finns inte bland de misslyckade. Någon har kanske redan startat det igen.',
	'jobs.error.superseded':
		'Ett nyare jobb för samma sak står redan i kö, så det här startades inte igen.',
	'jobs.kind.deliver_mail': 'Sändning av e-post',
	'outbox.status.queued': 'i kö',
	'outbox.queuedNote':
		'Ett meddelande i kö skickas i bakgrunden inom kort. Om sändningen misslyckas försök efter försök visas den bland de misslyckade bakgrundsjobben, där den kan försökas igen:'
};
