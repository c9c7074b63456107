import { createSlackApp, type SlackApp } from '../../src/app.js';
import { createLogger } from '../../src/commands/index.js';
import type { ProbeLimitsOptions } from '../../src/commands/support/probe-limits.js';
import { parseConfig } from '../../src/config.js';
import { reservePorts } from './free-port.js';
import { STAND_IN_TOKENS, type SlackStandIn } from './slack/index.js';

/** The signing secret the HTTP-mode app is started with in tests. */
export const TEST_SIGNING_SECRET = 'stand-in-signing-secret-0123456789';

export interface RunningEmailhelp {
  slack: SlackApp;
  /** http://127.0.0.1:PORT (HTTP mode) */
  baseUrl: string;
  /** Every line of the app's structured log, as written. */
  logLines: string[];
  /** The log lines parsed. */
  events(name?: string): Record<string, unknown>[];
  stop(): Promise<void>;
}

export interface StartOptions {
  mode: 'http' | 'socket';
  standIn: SlackStandIn;
  env?: Record<string, string>;
  extraCa?: readonly string[];
  probeLimits?: ProbeLimitsOptions;
}

/**
 * emailhelp's real Slack app, configured through the same environment variables as in production,
 * talking to the local Slack stand-in (SLACK_API_URL) and logging into memory.
 */
export async function startEmailhelp(options: StartOptions): Promise<RunningEmailhelp> {
  const [port] = await reservePorts(1);
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: STAND_IN_TOKENS.bot,
    SLACK_API_URL: options.standIn.url,
    PORT: String(port),
    PROBE_ALLOW_NETWORKS: '127.0.0.0/8',
    PROBE_TIMEOUT_MS: '3000',
    ...(options.mode === 'socket' ? { SLACK_APP_TOKEN: STAND_IN_TOKENS.app } : { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET }),
    ...options.env,
  };
  const config = parseConfig(env);
  const logLines: string[] = [];
  const secrets = [env.SLACK_BOT_TOKEN, env.SLACK_APP_TOKEN, env.SLACK_SIGNING_SECRET].filter((s): s is string => s !== undefined);
  const logger = createLogger({ write: (line) => logLines.push(line), secrets });
  const slack = createSlackApp(config, {
    logger,
    ...(options.extraCa ? { extraCa: options.extraCa } : {}),
    ...(options.probeLimits ? { probeLimits: options.probeLimits } : {}),
  });
  await slack.start();
  return {
    slack,
    baseUrl: `http://127.0.0.1:${port}`,
    logLines,
    events(name) {
      const parsed = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
      return name === undefined ? parsed : parsed.filter((e) => e.event === name);
    },
    stop: () => slack.stop(),
  };
}
