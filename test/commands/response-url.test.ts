import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseUrlError, responseUrlPoster } from '../../src/commands/support/response-url.js';

let server: Server;
let base: string;
const received: { path: string; body: string; type: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body, type: req.headers['content-type'] ?? '' });
      res.writeHead(req.url === '/used' ? 404 : 200).end(req.url === '/used' ? 'used_url' : 'ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('responseUrlPoster', () => {
  it('posts the message as JSON', async () => {
    await responseUrlPoster(`${base}/ok`)({ text: 'hello', response_type: 'ephemeral' });
    expect(received.at(-1)).toMatchObject({ path: '/ok', type: 'application/json; charset=utf-8' });
    expect(JSON.parse(received.at(-1)?.body ?? '')).toEqual({ text: 'hello', response_type: 'ephemeral' });
  });

  it('rejects with the status when Slack refuses (used-up or expired URL)', async () => {
    const failure = await responseUrlPoster(`${base}/used`)({ text: 'x' }).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ResponseUrlError);
    expect((failure as ResponseUrlError).statusCode).toBe(404);
  });

  it.each([undefined, '', 'not a url', 'file:///etc/passwd'])('rejects %j without throwing when made', async (url) => {
    const post = responseUrlPoster(url);
    await expect(post({ text: 'x' })).rejects.toBeInstanceOf(ResponseUrlError);
  });
});
