import { loadMessages } from '$lib/i18n/load-messages';
import type { LayoutLoad } from './$types';

/**
 * Pages are rendered on the server and ship no JavaScript: every page works as HTML forms
 * and links (docs/decisions/010-no-client-javascript-by-default.md). A page that gains a real
 * enhancement turns `csr` on for itself.
 */
export const csr = false;

export const load: LayoutLoad = async ({ data }) => ({
	...data,
	messages: await loadMessages(data.locale)
});
