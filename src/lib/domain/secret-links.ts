/**
 * Sign-in and password-reset links carry a one-time secret (base32, lower case), and so does a
 * respondent's link to a situation analysis (/respond/…, ADR 024). Once a
 * message has gone to its recipient over SMTP, nobody else needs the secret: the copy kept
 * in the outbox and the log line show the link with the secret hidden.
 */
const SECRET_LINK = /(\/signin\/(?:link|reset)\/|\/respond\/)[a-z2-7]{16,}/g;

export const HIDDEN_SECRET = '••••••••';

export function hideSecretLinks(text: string): string {
	return text.replace(SECRET_LINK, `$1${HIDDEN_SECRET}`);
}

/** Addresses that are secrets themselves: a calendar feed's, a sign-in or reset link's, a respondent's. */
const SECRET_PATH = /^(\/calendar\/|\/signin\/(?:link|reset)\/|\/respond\/)[^/]+/;

/** A request path as it may be logged: the secret part of a secret address hidden. */
export function hideSecretPath(pathname: string): string {
	return pathname.replace(SECRET_PATH, `$1${HIDDEN_SECRET}`);
}
