// Slack's side for bench/slack-ack.ts, in a process of its own so that serving the app never shares
// an event loop (or a core's time slice) with the load generator: the Web API stand-in of the
// tests (auth.test at start), and a response_url sink that only counts and drains answers —
// Slack's own servers are not on the app's machine, so the fake should cost as little as it can.
// Prints its Web API URL and the response_url on stdout; answers {count} over IPC when asked.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSlackStandIn } from '../test/support/slack/web-api.js';

const standIn = await startSlackStandIn({ rejectInvalidBlocks: false });
let count = 0;
const sink = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    count++;
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const responseUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/response/bench`;
process.stdout.write(`${JSON.stringify({ url: standIn.url, responseUrl })}\n`);
process.on('message', (message) => {
  if (message === 'count') process.send?.({ count });
  if (message === 'stop') {
    sink.close();
    void standIn.close().then(() => process.exit(0));
  }
});
