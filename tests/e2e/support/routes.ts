import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface RouteInfo {
	id: string;
	/** A URL path with sample values for the parameters. */
	samplePath: string;
	page: boolean;
	actions: boolean;
	/** Form action names ('default' for an unnamed one). */
	actionNames: string[];
	methods: string[];
}

/** Sample values for route parameters, so every route can be requested. */
const SAMPLE_PARAMS: Record<string, string> = {
	code: '785',
	token: 'a'.repeat(32),
	id: '00000000-0000-4000-8000-000000000001',
	membershipId: '00000000-0000-4000-8000-000000000002',
	personId: '00000000-0000-4000-8000-000000000003',
	decisionId: '00000000-0000-4000-8000-000000000004',
	workshopId: '00000000-0000-4000-8000-000000000005',
	fileId: '00000000-0000-4000-8000-000000000006',
	journeyId: '00000000-0000-4000-8000-000000000007',
	lineId: '00000000-0000-4000-8000-000000000008',
	runId: '00000000-0000-4000-8000-000000000020',
	invoiceId: '00000000-0000-4000-8000-000000000021',
	paymentId: '00000000-0000-4000-8000-000000000022',
	importId: '00000000-0000-4000-8000-000000000023',
	document: 'pdf',
	analysisId: '00000000-0000-4000-8000-000000000040',
	sectionKey: 's_0000000040',
	questionKey: 'q_0000000041',
	format: 'csv',
	slug: 'uso'
};

/** The route's path with the given parameters (samples for the rest). */
export function pathFor(id: string, params: Record<string, string> = {}): string {
	return id.replace(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g, (_, name: string) => {
		const value = params[name] ?? SAMPLE_PARAMS[name];
		if (!value) throw new Error(`No sample value for route parameter [${name}] in ${id}`);
		return value;
	});
}

function actionNamesOf(source: string): string[] {
	const block = /export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/.exec(source)?.[1];
	if (!block) return [];
	return [...block.matchAll(/^\t(\w+):/gm)].map((m) => m[1]!);
}

/** Every route under src/routes, found from the files on disk. */
export function findRoutes(root = path.resolve('src/routes')): RouteInfo[] {
	const routes: RouteInfo[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		const rel = path.relative(root, dir).split(path.sep).filter(Boolean);
		const id = '/' + rel.filter((s) => !/^\(.*\)$/.test(s)).join('/');
		const page = files.includes('+page.svelte');
		const serverPage = files.includes('+page.server.ts')
			? readFileSync(path.join(dir, '+page.server.ts'), 'utf8')
			: '';
		const endpoint = files.includes('+server.ts')
			? readFileSync(path.join(dir, '+server.ts'), 'utf8')
			: '';
		const methods = [...endpoint.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
			(m) => m[1]!
		);
		if (page || methods.length) {
			const samplePath = pathFor(id);
			routes.push({
				id,
				samplePath,
				page,
				actions: /export const actions\b/.test(serverPage),
				actionNames: actionNamesOf(serverPage),
				methods
			});
		}
		for (const f of files) {
			const full = path.join(dir, f);
			if (statSync(full).isDirectory()) walk(full);
		}
	};
	walk(root);
	return routes;
}
