import type { Db } from '../db';
import { issueToken } from '../auth/sign-in';
import { sendMail, type MailSettings } from '../mail/send-mail';
import { serverTranslator } from '$lib/i18n/catalogue';
import { getMunicipalityPerson } from './municipality-people';
import { municipalities } from '../db/schema';
import { eq } from 'drizzle-orm';

export const INVITATION_MINUTES = 7 * 24 * 60;

/** E-mails a person a one-time sign-in link, in their own language, from the inviter. */
export async function invitePerson(
	db: Db,
	mail: MailSettings,
	input: { code: string; personId: string; inviterName: string; origin: string }
): Promise<{ ok: true; email: string } | { ok: false }> {
	const person = await getMunicipalityPerson(db, input.code, input.personId);
	if (!person) return { ok: false };
	const [municipality] = await db
		.select({ nameFi: municipalities.nameFi, nameSv: municipalities.nameSv })
		.from(municipalities)
		.where(eq(municipalities.code, input.code))
		.limit(1);
	const token = await issueToken(db, person.id, 'sign_in', INVITATION_MINUTES);
	const t = serverTranslator(person.locale);
	await sendMail(db, mail, {
		to: person.email,
		subject: t('mail.invite.subject'),
		text: t('mail.invite.body', {
			name: person.name,
			inviter: input.inviterName,
			municipality:
				(person.locale === 'sv' ? municipality?.nameSv : municipality?.nameFi) ?? input.code,
			link: `${input.origin}/signin/link/${token}`,
			origin: input.origin
		})
	});
	return { ok: true, email: person.email };
}
