/* Jest's global setup: the tests load the built package from dist/, so a source edited since the last build
 * would be tested in its old form. When any source is newer than the build, build first. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** The newest modification time of the files below these folders (0 when there are none). */
export function newestMtime(paths: string[]): number {
	let newest = 0;
	const visit = (file: string) => {
		if (!existsSync(file)) return;
		const stats = statSync(file);
		if (stats.isDirectory()) for (const entry of readdirSync(file)) visit(path.join(file, entry));
		else newest = Math.max(newest, stats.mtimeMs);
	};
	for (const file of paths) visit(file);
	return newest;
}

export default function globalSetup() {
	const sources = newestMtime(
		['nodes', 'credentials', 'package.json', 'tsconfig.json', 'gulpfile.js'].map((p) =>
			path.join(ROOT, p),
		),
	);
	const built = newestMtime([path.join(ROOT, 'dist')]);
	if (built >= sources) return;
	console.log(
		built === 0
			? '\nNo dist/: building the package first (npm run build)'
			: '\nSources changed since the last build: building the package first (npm run build)',
	);
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0)
		throw new Error('npm run build failed: the tests would run on an old dist/');
}
