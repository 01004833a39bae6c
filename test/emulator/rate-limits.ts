/*
 * Cohere's rate limits as Cohere keeps them (docs.cohere.com/v2/docs/rate-limits): per key and per endpoint,
 * chat per model, embed by inputs with images in a bucket of their own, trial and production keys, a trial
 * key's 1,000 calls a month. A 429 has Cohere's wording and no Retry-After; a trial key's answers carry
 * `x-trial-endpoint-call-limit`, `-remaining` and `x-endpoint-monthly-call-limit`. A sliding window.
 */

export type KeyType = 'trial' | 'production';

export interface CohereLimits {
	/** Each API key's type; keys not listed are production keys. */
	keys?: Record<string, KeyType>;
	/** The window of a "per minute" limit (default 60,000 ms; tests scale it down). */
	windowMs?: number;
	/** A trial key's calls a month (default 1,000). */
	monthlyCalls?: number;
	/** An explicit scenario, not Cohere's way: `retry-after-ms` with the exact wait on every 429. */
	retryAfterHint?: boolean;
}

interface Limit {
	bucket: string;
	perWindow: number;
	weight: number;
	/** Counted in calls: a trial key's call headers describe it, and its 429 names the number. */
	calls: boolean;
	/** Refused with a trial key's wording (a trial key, or a production key on a newer chat model). */
	trialLike: boolean;
}

const NEWER_CHAT_MODELS = /reasoning|vision|translate/i;
const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/** Cohere's limit for one request of a key: which bucket, how many per window, and how much it uses. */
function limitOf(type: KeyType, method: string, path: string, body: any): Limit {
	const trial = type === 'trial';
	const callLimit = (bucket: string, trialLimit: number, productionLimit: number): Limit => ({
		bucket,
		perWindow: trial ? trialLimit : productionLimit,
		weight: 1,
		calls: true,
		trialLike: trial,
	});
	if (method === 'POST' && /\/chat(\/completions)?$/.test(path)) {
		const model = String(body?.model ?? '');
		const newer = NEWER_CHAT_MODELS.test(model);
		return { ...callLimit(`chat ${model}`, 20, newer ? 20 : 500), trialLike: trial || newer };
	}
	if (method === 'POST' && /\/(embed|embeddings)$/.test(path)) {
		const images =
			count(body?.images) +
			(Array.isArray(body?.inputs)
				? body.inputs
						.flatMap((input: any) => input?.content ?? [])
						.filter((part: any) => part?.type === 'image_url').length
				: 0);
		if (images > 0)
			return {
				bucket: 'embed images',
				perWindow: trial ? 5 : 400,
				weight: images,
				calls: false,
				trialLike: false,
			};
		const inputs =
			count(body?.texts) +
			count(body?.inputs) +
			(Array.isArray(body?.input) ? body.input.length : body?.input ? 1 : 0);
		return {
			bucket: 'embed',
			perWindow: 2000,
			weight: Math.max(1, inputs),
			calls: false,
			trialLike: false,
		};
	}
	if (/\/rerank$/.test(path)) return callLimit('rerank', 10, 1000);
	if (/\/(de)?tokenize$/.test(path)) return callLimit(`${path}`, 100, 2000);
	if (method === 'POST' && /\/embed-jobs$/.test(path)) return callLimit('embed-jobs', 5, 50);
	return callLimit(`${method} ${path}`, 500, 500);
}

const TRIAL_WORDING = (limit: number, per: string) =>
	`You are using a Trial key, which is limited to ${limit} API calls / ${per}. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits at 'https://dashboard.cohere.com/api-keys'. Contact us on 'https://discord.gg/XW44jPfYJu' or email us at support@cohere.com with any questions`;
const PER_MINUTE_WORDING =
	'You are past the per minute request limit, please wait and try again later.';

export interface LimitOutcome {
	status: number;
	body?: { message: string };
	headers: Record<string, string>;
}

/** The windows of every key and bucket, and each trial key's calls this "month" (since the last reset). */
export class CohereRateLimiter {
	private windows = new Map<string, Array<{ at: number; weight: number }>>();
	private monthly = new Map<string, number>();

	constructor(readonly config: CohereLimits) {}

	get windowMs(): number {
		return this.config.windowMs ?? 60_000;
	}

	/** Takes one request's place, or refuses it as Cohere does. */
	check(
		apiKey: string,
		method: string,
		path: string,
		body: unknown,
		now = Date.now(),
	): LimitOutcome {
		const type = this.config.keys?.[apiKey] ?? 'production';
		const limit = limitOf(type, method, path, body);
		const monthlyCalls = this.config.monthlyCalls ?? 1000;
		const limitedMonthly = type === 'trial' || limit.trialLike;
		const usedMonthly = this.monthly.get(apiKey) ?? 0;
		if (limitedMonthly && usedMonthly >= monthlyCalls)
			return { status: 429, body: { message: TRIAL_WORDING(monthlyCalls, 'month') }, headers: {} };

		const id = `${apiKey} ${limit.bucket}`;
		const window = (this.windows.get(id) ?? []).filter((entry) => now - entry.at < this.windowMs);
		this.windows.set(id, window);
		const used = window.reduce((sum, entry) => sum + entry.weight, 0);
		if (used > 0 && used + limit.weight > limit.perWindow) {
			const headers: Record<string, string> = {};
			if (this.config.retryAfterHint) {
				let free = used + limit.weight - limit.perWindow;
				const entry = window.find((e) => (free -= e.weight) <= 0) ?? window[window.length - 1];
				headers['retry-after-ms'] = String(Math.max(0, entry.at + this.windowMs - now));
			}
			const message =
				limit.calls && limit.trialLike
					? TRIAL_WORDING(limit.perWindow, 'minute')
					: PER_MINUTE_WORDING;
			return { status: 429, body: { message }, headers };
		}
		window.push({ at: now, weight: limit.weight });
		if (limitedMonthly) this.monthly.set(apiKey, usedMonthly + 1);
		const headers: Record<string, string> = {};
		if (type === 'trial') {
			headers['x-endpoint-monthly-call-limit'] = String(monthlyCalls);
			if (limit.calls) {
				headers['x-trial-endpoint-call-limit'] = String(limit.perWindow);
				headers['x-trial-endpoint-call-remaining'] = String(
					Math.max(0, limit.perWindow - used - limit.weight),
				);
			}
		}
		return { status: 200, headers };
	}
}
