import { App, webApi, type LogLevel } from '@slack/bolt';
import type { Config } from './config.js';
import { createDeps, createLogger, registerSurfaces, type AppLogger, type SlackDeps } from './commands/index.js';
import { slackErrorCode } from './commands/support/guarded.js';
import type { ProbeLimitsOptions } from './commands/support/probe-limits.js';

/**
 * The Slack app: Bolt wired to emailhelp's surfaces, nothing else. Socket Mode when an app token is
 * set, otherwise HTTP with every request at POST /slack/events and GET /healthz. SLACK_API_URL
 * becomes Bolt's slackApiUrl, which also carries Socket Mode's apps.connections.open.
 */

export class SlackStartError extends Error {
  readonly code = 'SLACK_START';
}

export interface SlackAppOptions {
  logger?: AppLogger;
  extraCa?: readonly string[];
  probeLimits?: ProbeLimitsOptions;
}

export interface SlackApp {
  deps: SlackDeps;
  /** Checks the token (auth.test), then listens; rejects with SlackStartError in one clear line. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const REFUSED_BOT_TOKEN = 'check the bot token of the app\'s "OAuth & Permissions" page';
const REFUSED_APP_TOKEN = 'check the app-level token with the connections:write scope';

export function createSlackApp(config: Config, options: SlackAppOptions = {}): SlackApp {
  const { botToken, appToken, signingSecret, apiUrl } = config.slack;
  if (config.mode === 'console' || botToken === null) throw new SlackStartError('the Slack app needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET');
  const secrets = [botToken, appToken, signingSecret].flatMap((s) => (s ? [s.reveal()] : []));
  const logger = options.logger ?? createLogger({ secrets });
  const slackApiUrl = apiUrl === null ? {} : { slackApiUrl: apiUrl };
  const deps = createDeps(config, { logger, ...(options.extraCa ? { extraCa: options.extraCa } : {}), ...(options.probeLimits ? { probeLimits: options.probeLimits } : {}) });

  /** The Bolt app, built once the token is known good: auth.test's answer is its identity. */
  function buildApp(identity: { botId: string; botUserId: string }): App {
    const common = {
      token: botToken?.reveal() ?? '',
      // The start check already ran auth.test; Bolt would repeat it.
      tokenVerificationEnabled: false,
      ...identity,
      logger,
      logLevel: logger.getLevel() as LogLevel,
      clientOptions: { ...slackApiUrl },
      // emailhelp keeps no conversation state; Bolt's default store costs every request a lookup.
      convoStore: false as const,
    };
    const app =
      config.mode === 'socket' && appToken !== null
        ? new App({ ...common, appToken: appToken.reveal(), socketMode: true })
        : new App({
            ...common,
            signingSecret: signingSecret?.reveal() ?? '',
            port: config.port,
            customRoutes: [
              {
                path: '/healthz',
                method: ['GET'],
                handler: (_req, res) => {
                  res.writeHead(200, { 'content-type': 'text/plain' });
                  res.end('ok\n');
                },
              },
            ],
          });
    registerSurfaces(app, deps);
    app.error(async (error) => {
      // Listener errors are caught in each surface; this is what escaped Bolt's own middleware.
      logger.event('error', 'bolt_error', { error: error.name, code: (error as { code?: unknown }).code ?? null, message: error.message });
    });
    return app;
  }

  let running: App | null = null;
  return {
    deps,
    async start() {
      // The token check gives up in seconds: the app's own client retries for half an hour,
      // which is right for an answer in flight but leaves a start against an unreachable or
      // mistyped SLACK_API_URL hanging with no clear word.
      const check = new webApi.WebClient(botToken.reveal(), { ...slackApiUrl, logLevel: webApi.LogLevel.ERROR, retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 } });
      let identity: { botId: string; botUserId: string };
      try {
        const answer = await check.auth.test();
        identity = { botId: answer.bot_id ?? '', botUserId: answer.user_id ?? '' };
      } catch (error) {
        if (slackErrorCode(error) !== null) throw new SlackStartError(`Slack refused SLACK_BOT_TOKEN (${describeSlackError(error)}): ${REFUSED_BOT_TOKEN}`);
        throw new SlackStartError(`could not reach the Slack Web API at ${apiUrl ?? 'https://slack.com/api/'} (${describeSlackError(error)}): check the network, or SLACK_API_URL`);
      }
      if (config.mode === 'socket' && appToken !== null) {
        // Checked here too, so that a refused app token ends in our one line rather than after
        // Bolt's own error log. The ticket this returns expires unused.
        try {
          await check.apps.connections.open({ token: appToken.reveal() });
        } catch (error) {
          throw new SlackStartError(`Socket Mode could not connect with SLACK_APP_TOKEN (${describeSlackError(error)}): ${REFUSED_APP_TOKEN}`);
        }
      }
      // The answer worker loads and warms up before the first request can arrive.
      await deps.answers.start();
      const app = buildApp(identity);
      try {
        await app.start();
      } catch (error) {
        if (config.mode === 'socket') throw new SlackStartError(`Socket Mode could not connect with SLACK_APP_TOKEN (${describeSlackError(error)}): ${REFUSED_APP_TOKEN}`);
        throw new SlackStartError(`could not listen on port ${config.port} (${describeSlackError(error)})`);
      }
      running = app;
    },
    async stop() {
      const app = running;
      running = null;
      if (app) await app.stop();
      await deps.answers.stop();
    },
  };
}

function describeSlackError(error: unknown): string {
  const code = slackErrorCode(error);
  if (code !== null) return code;
  const errorCode = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof errorCode === 'string' ? `${errorCode}: ${message}` : message;
}
