import { renderProposalDocx } from '$lib/server/memberships/render-proposal-docx';
import { loadProposal } from '../proposal-request.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { membership, query, document } = await loadProposal(event);
	const m = membership.municipality;
	const name = query.lang === 'sv' ? m.nameSv : m.nameFi;
	const body = await renderProposalDocx(document, { municipalityName: name, locale: query.lang });
	const filename = `paatosehdotus-${m.code}-${membership.network.shortName.toLowerCase()}-${membership.season.number}.docx`;
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
