// n8n's own rules for community packages, as `@n8n/node-cli` and n8n's package scanner apply them.
import { config } from '@n8n/node-cli/eslint';

export default config;
