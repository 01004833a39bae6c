// Lints the package the way n8n's community package scanner does (@n8n/scan-community-package):
// n8n's community rules, inline disable comments ignored, over the sources and over the packed JavaScript.
import path from 'node:path';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const [sourceDir, packedDir] = process.argv.slice(2).map((dir) => path.resolve(dir));
let failed = false;
for (const [label, dir, patterns] of [
	['sources', sourceDir, SOURCE_FILE_PATTERNS],
	['packed JavaScript', packedDir, ['**/*.js', 'package.json']],
]) {
	const result = await analyzePackage(dir, patterns);
	console.log(`scanner on the ${label}: ${result.passed ? 'passed' : `FAILED: ${result.message}`}`);
	if (result.details) console.log(result.details);
	failed ||= !result.passed;
}
process.exit(failed ? 1 : 0);
