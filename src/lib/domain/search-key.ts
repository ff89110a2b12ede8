/**
 * The form in which names are compared when searching: lower case, accents and other marks
 * removed, punctuation and runs of white space folded to one space. "Hämeenlinna",
 * "HAMEENLINNA" and "hameenlinna" all become "hameenlinna"; "Åbo" becomes "abo".
 */
export function searchKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The longest search text we accept; names are far shorter. */
export const MAX_SEARCH_LENGTH = 100;
