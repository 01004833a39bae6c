/* Another host beside the emulator, for the hardening tests that check where the key goes. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

/** Another host: records every request with its headers, answers what `reply` says (JSON 200 by default). */
export class ForeignServer {
	readonly requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
	reply: { status: number; type: string; body: string } = {
		status: 200,
		type: 'application/json',
		body: '{"valid": true, "models": []}',
	};
	private server?: Server;
	url = '';

	async start(host = '127.0.0.2'): Promise<void> {
		this.server = createServer((req, res) => {
			this.requests.push({ url: req.url ?? '', headers: req.headers });
			res.writeHead(this.reply.status, { 'content-type': this.reply.type });
			res.end(this.reply.body);
		});
		await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
		this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}
}

/**
 * Two other hosts for a test file: one on another address (127.0.0.2), one on another port of the emulator's
 * address; their requests are cleared and the reply reset before each test.
 */
export function useForeignServers(): { foreign: ForeignServer; otherPort: ForeignServer } {
	const foreign = new ForeignServer();
	const otherPort = new ForeignServer();
	beforeAll(async () => {
		await foreign.start('127.0.0.2');
		await otherPort.start('127.0.0.1');
	});
	afterAll(async () => {
		await foreign.stop();
		await otherPort.stop();
	});
	beforeEach(() => {
		foreign.requests.length = 0;
		otherPort.requests.length = 0;
		foreign.reply = {
			status: 200,
			type: 'application/json',
			body: '{"valid": true, "models": []}',
		};
	});
	return { foreign, otherPort };
}

/** Raw HTTP's POST /v1/check-api-key with these options: a request that needs the key. */
export const checkKey = (options: IDataObject = {}, extra: IDataObject = {}) => ({
	type: 'cohereHttpRequest',
	parameters: { method: 'POST', url: '/v1/check-api-key', sendBody: false, options, ...extra },
});
