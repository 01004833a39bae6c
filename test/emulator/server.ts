/* A local Cohere API on 127.0.0.1 for tests, the demo and the benchmark: deterministic answers,
 * Cohere's errors, every request recorded, and faults injected on demand. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Exchange } from '../contract/openapi';
import { schemaOf, writeAvro } from './avro';
import type { EmulatorRequest, EmulatorResponse } from './handlers/common';
import { ApiError } from './handlers/common';
import { route } from './handlers';
import { JobStore } from './handlers/store';
import type { Fault, RateLimit } from './faults';
import { Faults, refuseOverLimit } from './faults';
import { parseMultipart } from './multipart';
import { type CohereLimits, CohereRateLimiter } from './rate-limits';

export type { Fault, FaultKind, RateLimit } from './faults';
export { parseMultipart } from './multipart';

export interface RecordedRequest extends EmulatorRequest {
	rawBody: string;
	receivedAt: number;
}

export class CohereEmulator {
	readonly requests: RecordedRequest[] = [];
	/** Requests with the emulator's answers, for the OpenAPI contract check (see test/contract/). */
	readonly exchanges: Exchange[] = [];
	/** Set by tests that send invalid requests on purpose (to test the emulator's own checks). */
	invalidRequestsExpected = false;
	apiKeys = new Set(['test-key']);
	/** Added before every answer, in ms. */
	latencyMs = 0;
	rateLimit?: RateLimit;
	/** Cohere's own limits per key and endpoint (rate-limits.ts); none until a test sets them. */
	cohereLimits?: CohereRateLimiter;
	compatPrefixes = ['/compatibility/v1', '/api/v1'];
	modelsPageCap?: number;
	store = new JobStore();
	/** Requests being answered right now, and the most seen at once since the last reset. */
	inFlight = 0;
	maxInFlight = 0;
	/** TCP connections opened and 429s sent by the rate limit, since the last reset. */
	connections = 0;
	rateLimited = 0;
	/** Downloads of output parts, with the Authorization header they carried (there should be none). */
	readonly fileRequests: Array<{ path: string; authorization?: string }> = [];
	private readonly faults = new Faults();
	private started = new WeakMap<ServerResponse, number>();
	private rateWindow: number[] = [];
	private server?: Server;
	private sockets = new Set<Socket>();
	url = '';

	async start(port = 0): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.connections++;
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	/** Forget recorded requests, faults, rate limits and latency between tests. */
	reset(): void {
		this.requests.length = 0;
		this.exchanges.length = 0;
		this.invalidRequestsExpected = false;
		this.fileRequests.length = 0;
		this.faults.clear();
		this.rateLimit = undefined;
		this.cohereLimits = undefined;
		this.rateWindow = [];
		this.connections = 0;
		this.rateLimited = 0;
		this.latencyMs = 0;
		this.modelsPageCap = undefined;
		this.maxInFlight = this.inFlight;
		this.store = new JobStore();
		this.lastAnswerAt = undefined;
	}

	/** Limits requests as Cohere does, by key type: see rate-limits.ts. */
	limitLikeCohere(config: CohereLimits): CohereRateLimiter {
		this.cohereLimits = new CohereRateLimiter(config);
		return this.cohereLimits;
	}

	addFault(fault: Fault): void {
		this.faults.add(fault);
	}

	requestsTo(path: string, method?: string): RecordedRequest[] {
		return this.requests.filter((r) => r.path === path && (!method || r.method === method));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		res.on('close', () => this.inFlight--);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname.startsWith('/__emulator/')) return this.admin(url.pathname, rawBody, res);
		if (url.pathname.startsWith('/__files/')) {
			// Like Cohere's signed download URLs: no API key, and a key sent here would be a leak.
			this.fileRequests.push({ path: url.pathname, authorization: req.headers.authorization });
			const [, partId, format] = /^\/__files\/(.+)\.(avro|jsonl)$/.exec(url.pathname) ?? [];
			const rows = partId ? this.store.files.get(partId) : undefined;
			if (!rows) {
				res.writeHead(404).end();
				return;
			}
			if (format === 'jsonl') {
				res.writeHead(200, { 'content-type': 'application/x-ndjson' });
				res.end(rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
				return;
			}
			const file = await writeAvro(schemaOf(rows), rows, { codec: this.store.partCodec }).catch(
				(error: Error) => error,
			);
			if (file instanceof Error) {
				res.writeHead(500, { 'content-type': 'text/plain' }).end(`emulator: ${file.message}`);
				return;
			}
			res.writeHead(200, { 'content-type': 'application/octet-stream' });
			res.end(file);
			return;
		}
		let body: unknown;
		const record: RecordedRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			queryAll: Object.fromEntries(
				[...new Set(url.searchParams.keys())].map((key) => [key, url.searchParams.getAll(key)]),
			),
			headers: req.headers,
			body: undefined,
			rawBody,
			receivedAt: Date.now(),
		};
		this.requests.push(record);

		this.started.set(res, record.receivedAt);

		const active = this.faults.pick(record.path);
		if (active) {
			Faults.answer(active, req, res, (response) => void this.send(res, response));
			return;
		}

		const refused = this.rateLimit && refuseOverLimit(this.rateLimit, this.rateWindow);
		if (refused) {
			this.rateLimited++;
			return void this.send(res, refused);
		}

		const authorization = String(req.headers.authorization ?? '');
		if (!authorization)
			return this.send(res, { status: 401, body: { message: 'no api key supplied' } });
		const key = authorization.replace(/^Bearer\s+/i, '');
		if (!this.apiKeys.has(key))
			return this.send(res, { status: 401, body: { message: 'invalid api token' } });

		const contentType = String(req.headers['content-type'] ?? '');
		if (rawBody && contentType.startsWith('multipart/form-data')) {
			body = parseMultipart(rawBody, /boundary=([^;]+)/.exec(contentType)?.[1] ?? '');
		} else if (rawBody) {
			try {
				body = JSON.parse(rawBody);
			} catch (error) {
				return this.send(res, {
					status: 400,
					body: { message: `invalid json syntax: ${(error as Error).message}` },
				});
			}
		}
		record.body = body;

		let limitHeaders: Record<string, string> = {};
		if (this.cohereLimits) {
			const outcome = this.cohereLimits.check(key, record.method, record.path, body);
			if (outcome.status === 429) {
				this.rateLimited++;
				return this.send(res, { status: 429, body: outcome.body, headers: outcome.headers });
			}
			limitHeaders = outcome.headers;
		}

		const answer = (response: EmulatorResponse) => {
			// What the contract test holds to Cohere's spec: the request as sent and the emulator's own answer
			// (injected faults, rate limits and key checks above are the test's scaffolding, not answers).
			this.exchanges.push({
				method: record.method,
				path: record.path,
				query: record.query,
				queryAll: record.queryAll ?? {},
				contentType: contentType.split(';')[0].trim(),
				body: contentType.startsWith('multipart/form-data') ? undefined : body,
				status: response.status,
				response: response.body,
				events: response.events,
				sample: response.sample,
			});
			return this.send(res, { ...response, headers: { ...limitHeaders, ...response.headers } });
		};
		try {
			const response = route(record, {
				store: this.store,
				compatPrefixes: this.compatPrefixes,
				modelsPageCap: this.modelsPageCap,
			});
			if (!response)
				return this.send(res, { status: 404, body: { message: '404 page not found' } });
			return answer(response);
		} catch (error) {
			if (error instanceof ApiError)
				return answer({ status: error.status, body: { message: error.message } });
			this.send(res, {
				status: 500,
				body: { message: `emulator error: ${(error as Error).message}` },
			});
		}
	}

	/**
	 * Control for an emulator in another process (benchmarks run it apart so that its work does not share
	 * the event loop of the nodes being measured): stats, reset, latency, rate limit. Not recorded, no key needed.
	 */
	private admin(path: string, rawBody: string, res: ServerResponse): void {
		if (path === '/__emulator/reset') this.reset();
		if (path === '/__emulator/config') {
			const config = JSON.parse(rawBody || '{}') as {
				latencyMs?: number;
				rateLimit?: RateLimit;
				cohereLimits?: CohereLimits;
				apiKeys?: string[];
			};
			if (config.cohereLimits !== undefined) this.limitLikeCohere(config.cohereLimits);
			if (config.apiKeys !== undefined) this.apiKeys = new Set(['test-key', ...config.apiKeys]);
			if (config.latencyMs !== undefined) this.latencyMs = config.latencyMs;
			if (config.rateLimit !== undefined) {
				this.rateLimit = config.rateLimit;
				this.rateWindow = [];
			}
		}
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(
			JSON.stringify({
				requests: this.requests.length,
				maxInFlight: this.maxInFlight,
				latencyMs: this.latencyMs,
				connections: this.connections,
				rateLimited: this.rateLimited,
				// From the first request's arrival to the last answer: the time the API was busy for the client.
				firstRequestAt: this.requests[0]?.receivedAt,
				lastAnswerAt: this.lastAnswerAt,
			}),
		);
	}

	/**
	 * Answers after `latencyMs` in all, counted from the request's arrival: the emulator's own work (hashing,
	 * JSON) is part of that time, as a remote server's is, instead of coming on top of it.
	 */
	private lastAnswerAt?: number;

	private async send(res: ServerResponse, response: EmulatorResponse): Promise<void> {
		res.on('finish', () => (this.lastAnswerAt = Date.now()));
		const payload = JSON.stringify(response.body);
		const waited = Date.now() - (this.started.get(res) ?? Date.now());
		if (this.latencyMs > waited)
			await new Promise((resolve) => setTimeout(resolve, this.latencyMs - waited));
		if (response.events && response.status === 200) {
			// Server-sent events, written one by one as a streaming server does.
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			for (const { event, data } of response.events) {
				res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
				await new Promise((resolve) => setImmediate(resolve));
			}
			res.end();
			return;
		}
		res.writeHead(response.status, {
			'content-type': 'application/json',
			'x-request-id': `req-${this.requests.length}`,
			...Object.fromEntries(
				Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
			),
		});
		res.end(payload);
	}
}

/** `ts-node test/emulator/server.ts [port]` runs it alone, e.g. to point a real n8n at it. */
if (require.main === module) {
	const emulator = new CohereEmulator();
	void emulator
		.start(Number(process.argv[2] ?? 8787))
		.then((url) => console.log(`Cohere emulator on ${url} (API key: test-key)`));
}
