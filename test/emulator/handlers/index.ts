/* Deterministic answers for every Cohere endpoint our nodes call, one module per endpoint family. */
import { batches } from './batches';
import { chatV1, chatV2, chatV2Events, generate } from './chat';
import { classify } from './classify';
import type { EmulatorRequest, EmulatorResponse, Json } from './common';
import { ok } from './common';
import { compatChat, compatEmbeddings } from './compat';
import { datasets } from './datasets';
import { embed } from './embed';
import { embedJobs } from './embedJobs';
import { getModel, listModels } from './models';
import { parse } from './parse';
import { rerank } from './rerank';
import { SAMPLE_ROUTES } from './sampleRoutes';
import { JobStore } from './store';
import { summarize } from './summarize';
import { detokenize, tokenize } from './tokens';
import { transcription } from './transcription';

export interface RouteContext {
	store: JobStore;
	compatPrefixes: string[];
	/** Serve at most this many models per page, whatever page_size asks (as some gateways do). */
	modelsPageCap?: number;
}

/** Finds the answer for one authenticated request; `undefined` means 404 page not found. */
export function route(req: EmulatorRequest, ctx: RouteContext): EmulatorResponse | undefined {
	const sampleRoute = SAMPLE_ROUTES.find(
		(r) => r.method === req.method && r.path === req.path && r.matches(req),
	);
	if (sampleRoute) return { ...sampleRoute.response, sample: sampleRoute.title };

	const body = (req.body ?? {}) as Json;
	const key = `${req.method} ${req.path}`;
	if (key === 'GET /v1/models') return listModels(req, ctx.modelsPageCap);
	if (req.method === 'GET' && req.path.startsWith('/v1/models/'))
		return getModel(decodeURIComponent(req.path.slice('/v1/models/'.length)));
	if (key === 'POST /v1/check-api-key')
		return ok({ valid: true, organization_id: 'org-emulator', owner_id: 'owner-emulator' });
	if (key === 'POST /v2/chat') {
		const response = chatV2(body);
		return body.stream === true
			? { ...response, events: chatV2Events(response.body as Json) }
			: response;
	}
	if (key === 'POST /v1/chat') return chatV1(body);
	if (key === 'POST /v1/generate') return generate(body);
	if (key === 'POST /v2/embed') return embed(body, 2);
	if (key === 'POST /v1/embed') return embed(body, 1);
	if (key === 'POST /v2/rerank' || key === 'POST /v1/rerank') return rerank(body);
	if (key === 'POST /v1/classify') return classify(body);
	if (key === 'POST /v1/summarize') return summarize(body);
	if (key === 'POST /v1/tokenize') return tokenize(body);
	if (key === 'POST /v1/detokenize') return detokenize(body);
	if (key === 'POST /v2/audio/transcriptions') return transcription(req);
	if (key === 'POST /v2/parse') return parse(body);
	if (req.path.startsWith('/v1/datasets')) return datasets(req, ctx.store);
	if (req.path.startsWith('/v1/embed-jobs')) return embedJobs(req, ctx.store);
	if (req.path === '/v2/batches' || req.path.startsWith('/v2/batches/'))
		return batches(req, ctx.store);
	for (const prefix of ctx.compatPrefixes) {
		if (key === `POST ${prefix}/chat/completions`) return compatChat(body);
		if (key === `POST ${prefix}/embeddings`) return compatEmbeddings(body);
		if (key === `POST ${prefix}/audio/transcriptions`) return transcription(req);
	}
	return undefined;
}
