import { en } from './en';
import { fi, type Messages } from './fi';
import type { Locale } from './locales';
import { sv } from './sv';
import { translator, type Translate } from './translate';

/** All three catalogues, for the server (e-mails, exports, error messages). */
export const catalogues: Record<Locale, Messages> = { fi, sv, en };

export function serverTranslator(locale: Locale): Translate {
	return translator(catalogues[locale]);
}
