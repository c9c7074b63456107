// The Slack stand-in of the tests in a process of its own for bench/slack-ack.ts, so that serving
// the app's answers never shares an event loop (or a core's time slice) with the load generator.
// Prints its Web API URL and a response_url on stdout; answers {count} over IPC when asked.
import { startSlackStandIn } from '../test/support/slack/web-api.js';

const standIn = await startSlackStandIn({ rejectInvalidBlocks: false, responseUrlMaxUses: Number.MAX_SAFE_INTEGER });
process.stdout.write(`${JSON.stringify({ url: standIn.url, responseUrl: standIn.responseUrl('bench') })}\n`);
process.on('message', (message) => {
  if (message === 'count') {
    // Only the count is needed; dropping the bodies keeps a long run's memory flat.
    const count = standIn.responses.length;
    process.send?.({ count });
  }
  if (message === 'stop') void standIn.close().then(() => process.exit(0));
});
