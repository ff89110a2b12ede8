// Runs before `npm start` and the end-to-end tests: builds the app when there is no build or the
// sources are newer, so `npm install && npm start` is all a newcomer needs, and CI's two test
// runs (one per database) build once.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const output = 'build/index.js';

/** @param {string} dir @returns {number} */
function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
	}
	return latest;
}

const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
const built = existsSync(output) ? statSync(output).mtimeMs : 0;
const changed = sources.some(
	(s) => existsSync(s) && (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs) > built
);

if (changed) {
	console.info(built ? 'Sources changed since the last build: building…' : 'Building the app…');
	execSync('npm run build', { stdio: 'inherit' });
}
