/**
 * The jest suite in three kinds (test/<kind>/):
 * - unit: the sources themselves, no build and no emulator (`npm run test:unit`, seconds);
 * - engine: the built package in n8n-core's WorkflowExecute against the Cohere emulator;
 * - contract: the emulator and every exchange held to Cohere's OpenAPI spec.
 * The e2e and ui suites run the real n8n and have their own commands.
 */
const common = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/env.ts'],
};

/** Engine and contract tests load dist/: it is rebuilt first when a source is newer than it. */
const builtPackage = { globalSetup: '<rootDir>/test/global-setup.ts' };

module.exports = {
	testTimeout: 30000,
	projects: [
		{ ...common, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
		{ ...common, ...builtPackage, displayName: 'engine', roots: ['<rootDir>/test/engine'] },
		{ ...common, ...builtPackage, displayName: 'contract', roots: ['<rootDir>/test/contract'] },
	],
};
