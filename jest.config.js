/** Engine-level tests: our built package, loaded by n8n-core, against the local Cohere emulator. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/env.ts'],
	// Builds dist/ first when a source is newer than it (the tests load the built package).
	globalSetup: '<rootDir>/test/global-setup.ts',
	testTimeout: 30000,
};
