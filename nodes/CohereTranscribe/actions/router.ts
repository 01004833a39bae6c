import { createRouter } from '../../shared/run/router';
import * as openai from './openAiCompatible.operation';
import * as cohere from './transcribe.operation';

/** One request per item (one audio file each), in the API form the node is set to, with its concurrency. */
export const router = createRouter({
	selectBy: ['api'],
	operations: { cohere, openai },
	concurrency: 'options',
});
