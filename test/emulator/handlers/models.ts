/* GET /v1/models (paged, by endpoint) and GET /v1/models/{model}. */
import { findModel, MODELS, publicModel } from '../models';
import type { EmulatorRequest, EmulatorResponse, Json } from './common';
import { ApiError, invalid, ok } from './common';

export function listModels(req: EmulatorRequest, pageCap = 1000): EmulatorResponse {
	const asked = req.query.page_size === undefined ? 20 : Number(req.query.page_size);
	if (!Number.isInteger(asked) || asked < 1 || asked > 1000)
		throw invalid('page_size must be between 1 and 1000.');
	const pageSize = Math.min(asked, pageCap);
	let models = MODELS;
	if (req.query.endpoint) models = models.filter((m) => m.endpoints.includes(req.query.endpoint));
	if (req.query.default_only === 'true') {
		if (!req.query.endpoint) throw invalid('default_only is only valid when endpoint is provided.');
		models = models.filter((m) => m.default_endpoints.includes(req.query.endpoint));
	}
	let offset = 0;
	if (req.query.page_token) {
		const match = /^page-(\d+)$/.exec(req.query.page_token);
		if (!match) throw invalid('invalid page_token.');
		offset = Number(match[1]);
	}
	const page = models.slice(offset, offset + pageSize);
	const body: Json = { models: page.map(publicModel) };
	if (offset + pageSize < models.length) body.next_page_token = `page-${offset + pageSize}`;
	return ok(body);
}

export function getModel(name: string): EmulatorResponse {
	const model = findModel(name);
	if (!model)
		throw new ApiError(
			404,
			`model '${name}' not found, make sure the correct model ID was used and that you have access to the model.`,
		);
	return ok(publicModel(model));
}
