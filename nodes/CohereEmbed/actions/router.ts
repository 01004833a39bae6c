import { createRouter } from '../../shared/run/router';
import * as cohere from './embed.operation';
import * as openai from './openAiCompatible.operation';

/** Each API form embeds all items at once, packing them into requests of at most 96. */
export const router = createRouter({
	selectBy: ['api'],
	operations: { cohere, openai },
});
