import { createRouter } from '../../shared/run/router';
import * as chatV1 from './chatV1.operation';
import * as chatV2 from './chatV2.operation';
import * as generate from './generate.operation';
import * as openai from './openAiCompatible.operation';

/** One request per item, in the API form the node is set to, with the node's concurrency. */
export const router = createRouter({
	selectBy: ['api'],
	operations: { v2: chatV2, v1: chatV1, generate, openai },
	concurrency: 'options',
});
