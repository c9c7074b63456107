import { existsSync } from 'node:fs';
import type { Config } from './config.js';

/**
 * Loads the configuration at start: `.env` first (never overriding the real environment), then
 * the zod schema of config.ts. zod and ipaddr.js are only loaded when there is something to
 * validate: they cost ~100 ms of a command-line run that sets no variable at all, and the
 * defaults need no checking.
 */

export const CONFIG_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'PORT',
  'SLACK_API_URL',
  'PROBE_TIMEOUT_MS',
  'PROBE_ALLOW_NETWORKS',
  'DNS_SERVERS',
  'ALLOW_LOGIN_TEST',
] as const;

/** What parseConfig({}) returns; test/config checks that the two agree. */
export function defaultConfig(): Config {
  return {
    mode: 'console',
    slack: { botToken: null, appToken: null, signingSecret: null, apiUrl: null },
    port: 3000,
    probeTimeoutMs: 8000,
    probeAllowNetworks: [],
    dnsServers: [],
    allowLoginTest: false,
  };
}

export async function loadConfig(options: { env?: NodeJS.ProcessEnv; dotenvPath?: string } = {}): Promise<Config> {
  const env = options.env ?? process.env;
  const path = options.dotenvPath ?? '.env';
  if (existsSync(path)) {
    const dotenv = await import('dotenv');
    dotenv.config({ path, processEnv: env as Record<string, string>, quiet: true });
  }
  if (CONFIG_VARIABLES.every((name) => (env[name] ?? '').trim() === '')) return defaultConfig();
  const { parseConfig } = await import('./config.js');
  return parseConfig(env);
}
