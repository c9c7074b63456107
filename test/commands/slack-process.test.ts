import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePorts } from '../support/free-port.js';
import { postSlashCommand, slashCommand, startSlackStandIn, STAND_IN_TOKENS, type SlackStandIn } from '../support/slack/index.js';

/**
 * `npm start` with Slack credentials, as its own process (dist/, built by pretest): it must stay up
 * and answer — nothing but the listening server may keep it alive, and that has to be enough.
 */
const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const SECRET = 'process-test-signing-secret-0123';

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});

describe('the Slack app as a process', () => {
  it('starts in HTTP mode, answers a slash command through its answer worker, and stops on SIGTERM', async () => {
    const [port] = await reservePorts(1);
    const env: NodeJS.ProcessEnv = { ...process.env, SLACK_BOT_TOKEN: STAND_IN_TOKENS.bot, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.url, PORT: String(port) };
    delete env.SLACK_APP_TOKEN;
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const stderr: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
    try {
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (/listening/.test(line)) resolve();
        });
        void exited.then((code) => reject(new Error(`exited with ${code} before listening: ${stderr.join('\n')}`)));
      });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const id = `process-${Date.now()}`;
      const result = await postSlashCommand(`http://127.0.0.1:${port}`, SECRET, slashCommand({ text: 'explain ports', response_url: standIn.responseUrl(id) }));
      expect(result.status).toBe(200);
      const answer = await standIn.waitForResponse((r) => r.id === id);
      expect(JSON.stringify(answer.body)).toMatch(/993/);
      expect(stderr.some((l) => l.includes('"answer_worker_started"'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).not.toBe(1);
  });
});
