/* How the sources are laid out, read from the files (no build): where a node may import from, and how much
 * one file holds. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_ROOT = path.resolve(__dirname, '../..');

describe('where code may come from', () => {
	/** Every TypeScript file below a folder, with its relative imports. */
	function imports(folder: string): Array<{ file: string; from: string }> {
		const found: Array<{ file: string; from: string }> = [];
		const visit = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) visit(full);
				else if (entry.name.endsWith('.ts'))
					for (const match of readFileSync(full, 'utf8').matchAll(/from '(\.[^']+)'/g))
						found.push({ file: path.relative(PACKAGE_ROOT, full), from: match[1] });
			}
		};
		visit(folder);
		return found;
	}

	test('a node imports only from its own folder and nodes/shared, never from another node', () => {
		const nodesDir = path.join(PACKAGE_ROOT, 'nodes');
		const crossing = imports(nodesDir).filter(({ file, from }) => {
			const [, own] = file.split(path.sep);
			const target = path.relative(nodesDir, path.resolve(PACKAGE_ROOT, path.dirname(file), from));
			const [folder] = target.split(path.sep);
			return folder !== own && folder !== 'shared' && folder !== 'icons';
		});
		expect(crossing).toEqual([]);
	});

	test("operations never import each other: what several share lives in the node's helpers or nodes/shared", () => {
		const between = imports(path.join(PACKAGE_ROOT, 'nodes')).filter(
			({ file, from }) => file.endsWith('.operation.ts') && /\.operation$/.test(from),
		);
		expect(between).toEqual([]);
	});
});

/**
 * nodes/shared in floors, lowest first: a folder imports only from the floors below it (and from itself), so
 * the run never reaches up into Cohere's API, nor the transport into the run. `limits.ts` is Cohere's
 * documented limits, plain data that anything may read.
 */
const SHARED_FLOORS = [
	['limits.ts'],
	['formats', 'parameters'],
	['transport'],
	['descriptions'],
	['run'],
	['cohere'],
	['methods'],
];

describe('nodes/shared, in folders by concern', () => {
	const sharedDir = path.join(PACKAGE_ROOT, 'nodes/shared');

	test('holds exactly the floors, and no drawer named helpers', () => {
		expect(readdirSync(sharedDir).sort()).toEqual(SHARED_FLOORS.flat().sort());
	});

	test('a folder imports only from itself and the floors below it', () => {
		const floorOf = (name: string) => SHARED_FLOORS.findIndex((floor) => floor.includes(name));
		const upward: string[] = [];
		const visit = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) {
					visit(full);
					continue;
				}
				const [own] = path.relative(sharedDir, full).split(path.sep);
				for (const match of readFileSync(full, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
					const target = path.relative(sharedDir, path.resolve(dir, match[1]));
					const [folder] = target.split(path.sep);
					const name = folder === 'limits' ? 'limits.ts' : folder;
					if (name !== own && !(floorOf(name) < floorOf(own)))
						upward.push(`${path.relative(PACKAGE_ROOT, full)} -> ${match[1]}`);
				}
			}
		};
		visit(sharedDir);
		expect(upward).toEqual([]);
	});
});

describe("Cohere's API, one module per endpoint family", () => {
	/** Every TypeScript file below nodes/, with its text. */
	function sources(dir = path.join(PACKAGE_ROOT, 'nodes')): Array<{ file: string; text: string }> {
		return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) return sources(full);
			if (!entry.name.endsWith('.ts')) return [];
			return [{ file: path.relative(PACKAGE_ROOT, full), text: readFileSync(full, 'utf8') }];
		});
	}

	test.each([
		['/v2/chat', 'nodes/shared/cohere/chat/'],
		['/v2/embed', 'nodes/shared/cohere/embed.ts'],
		['/v2/rerank', 'nodes/shared/cohere/rerank.ts'],
	])('%s has one sender, in %s', (endpoint, module) => {
		const senders = sources()
			.filter(({ text }) => text.includes(`path: '${endpoint}'`))
			.map(({ file }) => file);
		expect(senders.length).toBeGreaterThan(0);
		expect(senders.filter((file) => !file.startsWith(module))).toEqual([]);
	});

	test('a chat body is built only by the chat module: no node writes response_format or stop_sequences', () => {
		const builders = sources()
			.filter(({ file }) => !file.startsWith('nodes/shared/cohere/chat/'))
			.filter(({ text }) => /\b(response_format|stop_sequences|json_schema):/.test(text))
			.map(({ file }) => file);
		expect(builders).toEqual([]);
	});
});

describe('how much one file holds', () => {
	/** Every TypeScript file below a folder (nodes/ unless told) with its line count. */
	function sourceFiles(
		dir = path.join(PACKAGE_ROOT, 'nodes'),
	): Array<{ file: string; lines: number }> {
		return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) return sourceFiles(full);
			if (!entry.name.endsWith('.ts')) return [];
			const lines = readFileSync(full, 'utf8').trimEnd().split('\n').length;
			return [{ file: path.relative(PACKAGE_ROOT, full), lines }];
		});
	}

	test('no file under nodes/ is over 250 lines', () => {
		expect(sourceFiles().filter(({ lines }) => lines > 250)).toEqual([]);
	});

	test('no file under test/ is over 400 lines: tests keep the rules the sources keep', () => {
		const tests = sourceFiles(path.join(PACKAGE_ROOT, 'test'));
		expect(tests.length).toBeGreaterThan(50);
		expect(tests.filter(({ lines }) => lines > 400)).toEqual([]);
	});

	test('every node class, sub-nodes included, is at most 60 lines: the work is in its router or supplyData', () => {
		const nodeFiles = sourceFiles().filter(({ file }) => file.endsWith('.node.ts'));
		expect(nodeFiles.length).toBeGreaterThanOrEqual(14);
		expect(nodeFiles.filter(({ lines }) => lines > 60)).toEqual([]);
	});
});
