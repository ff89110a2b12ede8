import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { analyses, analysisInvitations, users } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { queueMail } from '../mail/queue-mail';
import { generateToken, tokenId } from '../auth/tokens';
import type { MunicipalityAnalysis } from './analysis-queries';
import { serverTranslator } from '$lib/i18n/catalogue';

export type InviteResult =
	| { ok: true; invited: number; renewed: number }
	| { ok: false; error: 'closed' | 'not_found' | 'unknown_person' };

/** The respondent's address: the token is the credential (ADR 024), mailed and never stored. */
export function respondPath(token: string): string {
	return `/respond/${token}`;
}

/**
 * Invites people of the municipality to answer, each with a link of their own mailed through
 * the outbox in the same transaction. Inviting someone already invited renews their link (the
 * old one stops working) and mails it again: the table keeps only a token's hash, so a lost
 * link cannot be shown again, only replaced. Under the analysis row's lock; refused once closed.
 */
export async function inviteRespondents(
	db: Db,
	actor: Actor,
	input: { analysis: MunicipalityAnalysis; personIds: string[]; origin: string }
): Promise<InviteResult> {
	const { analysis } = input;
	const ids = [...new Set(input.personIds)];
	if (ids.length === 0) return { ok: true, invited: 0, renewed: 0 };
	return db.transaction(async (tx): Promise<InviteResult> => {
		const [row] = await tx
			.select({ state: analyses.state })
			.from(analyses)
			.where(eq(analyses.id, analysis.analysis.id))
			.for('update');
		if (!row) return { ok: false, error: 'not_found' };
		if (row.state === 'closed') return { ok: false, error: 'closed' };
		const people = await tx
			.select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
			.from(users)
			.where(
				and(
					inArray(users.id, ids),
					eq(users.municipalityCode, analysis.municipality.code),
					isNull(users.erasedAt),
					isNull(users.disabledAt)
				)
			);
		if (people.length !== ids.length) return { ok: false, error: 'unknown_person' };
		const earlier = await tx
			.select({ id: analysisInvitations.id, userId: analysisInvitations.userId })
			.from(analysisInvitations)
			.where(
				and(
					eq(analysisInvitations.analysisId, analysis.analysis.id),
					inArray(analysisInvitations.userId, ids)
				)
			);
		let renewed = 0;
		for (const person of people) {
			const token = generateToken();
			const before = earlier.find((e) => e.userId === person.id);
			if (before) {
				renewed++;
				await tx
					.update(analysisInvitations)
					.set({ tokenHash: tokenId(token), invitedBy: actor.userId, invitedAt: new Date() })
					.where(eq(analysisInvitations.id, before.id));
			} else {
				await tx.insert(analysisInvitations).values({
					analysisId: analysis.analysis.id,
					userId: person.id,
					tokenHash: tokenId(token),
					invitedBy: actor.userId
				});
			}
			const t = serverTranslator(person.locale);
			const municipality =
				person.locale === 'sv' ? analysis.municipality.nameSv : analysis.municipality.nameFi;
			const season = `${analysis.network.shortName} ${analysis.season.number}`;
			await queueMail(tx, {
				to: person.email,
				subject: t('mail.analysis.invite.subject', { municipality, season }),
				text: [
					t('mail.analysis.invite.greeting', { name: person.name }),
					'',
					t('mail.analysis.invite.body', { municipality, season }),
					'',
					`${input.origin}${respondPath(token)}`,
					'',
					t('mail.analysis.invite.personal')
				].join('\n')
			});
		}
		await recordAudit(tx, actor, {
			action: 'analysis.invite',
			entityType: 'analysis',
			entityId: analysis.analysis.id,
			after: { people: people.map((p) => p.id), renewed }
		});
		return { ok: true, invited: people.length - renewed, renewed };
	});
}
