// An answer worker thread that dies holding a probe slot: what AnswerWorker must survive.
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../../src/commands/support/answer-worker/protocol.js';

const port = parentPort;
if (!port) throw new Error('a worker thread');
const post = (m: FromWorker) => port.postMessage(m);
port.on('message', (m: ToWorker) => {
  if (m.type === 'job') post({ type: 'probe-acquire', request: 1, actor: m.job.actor, target: 'imap.example.com' });
  if (m.type === 'probe-grant') process.exit(3);
});
post({ type: 'ready' });
