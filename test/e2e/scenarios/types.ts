/* What every e2e scenario runs in. */
import type { CohereEmulator } from '../../emulator/server';

/** One n8n user folder with the package installed, the emulator, and the n8n version that runs them. */
export interface Scenario {
	work: string;
	userFolder: string;
	emulator: CohereEmulator;
	emulatorUrl: string;
	version: string;
}
