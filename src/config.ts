import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { ConfigError } from './config-error.js';
import { Secret } from './secret.js';

export { ConfigError };

/**
 * The environment, validated once at start (../shared/spec/interface.md, "Configuration").
 * A bad value stops the program with one line naming the variable; a secret's value never
 * appears in that line or anywhere else (see Secret).
 */

export type RunMode = 'console' | 'socket' | 'http';

export interface DnsServer {
  host: string;
  port: number;
}

export interface Config {
  mode: RunMode;
  slack: {
    botToken: Secret | null;
    appToken: Secret | null;
    signingSecret: Secret | null;
    apiUrl: string | null;
  };
  port: number;
  probeTimeoutMs: number;
  /** CIDRs, already parsed, that probes may reach besides public addresses. */
  probeAllowNetworks: ParsedCidr[];
  dnsServers: DnsServer[];
  allowLoginTest: boolean;
}

export type ParsedCidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Treat `FOO=` in a .env file like an unset variable, as people leave placeholders empty. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function secretWithPrefix(prefix: string, what: string) {
  return optionalText.superRefine((v, ctx) => {
    if (v !== undefined && !v.startsWith(prefix)) {
      // The value is a secret: say what shape it should have, never what it was.
      ctx.addIssue({ code: 'custom', message: `must be ${what} starting with "${prefix}"` });
    }
  });
}

function wholeNumber(min: number, max: number, fallback: number, unit: string) {
  return optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number of ${unit} from ${min} to ${max} (got "${v}")` });
      return z.NEVER;
    }
    return Number(v);
  });
}

const cidrList = optionalText.transform((v, ctx) => {
  if (v === undefined) return [];
  const parsed: ParsedCidr[] = [];
  for (const item of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    try {
      parsed.push(ipaddr.parseCIDR(item));
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${item}" is not a CIDR range like 10.20.0.0/16 or fd00::/8` });
      return z.NEVER;
    }
  }
  return parsed;
});

const dnsServerList = optionalText.transform((v, ctx) => {
  if (v === undefined) return [];
  const servers: DnsServer[] = [];
  for (const item of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const server = parseDnsServer(item);
    if (!server) {
      ctx.addIssue({ code: 'custom', message: `"${item}" is not an address like 192.0.2.53, 192.0.2.53:5353 or [2001:db8::53]:53` });
      return z.NEVER;
    }
    servers.push(server);
  }
  return servers;
});

export function parseDnsServer(item: string): DnsServer | null {
  // Forms: 1.2.3.4, 1.2.3.4:53, 2001:db8::1, [2001:db8::1], [2001:db8::1]:53
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(item);
  const v4WithPort = /^([\d.]+):(\d{1,5})$/.exec(item);
  const host = bracketed?.[1] ?? v4WithPort?.[1] ?? item;
  const portText = bracketed?.[2] ?? v4WithPort?.[2];
  const port = portText === undefined ? 53 : Number(portText);
  if (!ipaddr.isValid(host) || port < 1 || port > 65535) return null;
  // ipaddr.isValid accepts shorthand such as "10.1" (classful forms); a resolver must be written out.
  if (host.includes('.') && !host.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(host)) return null;
  return { host, port };
}

const booleanFlag = optionalText.transform((v, ctx) => {
  if (v === undefined) return false;
  const lower = v.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
  return z.NEVER;
});

const apiUrl = optionalText.superRefine((v, ctx) => {
  if (v === undefined) return;
  let url: URL | null = null;
  try {
    url = new URL(v);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    ctx.addIssue({ code: 'custom', message: `must be an http(s) URL such as https://slack.com/api/ (got "${v}")` });
  }
});

const envSchema = z.object({
  SLACK_BOT_TOKEN: secretWithPrefix('xoxb-', 'a bot token'),
  SLACK_APP_TOKEN: secretWithPrefix('xapp-', 'an app-level token'),
  SLACK_SIGNING_SECRET: optionalText,
  PORT: wholeNumber(1, 65535, 3000, 'port'),
  SLACK_API_URL: apiUrl,
  PROBE_TIMEOUT_MS: wholeNumber(100, 600_000, 8000, 'milliseconds'),
  PROBE_ALLOW_NETWORKS: cidrList,
  DNS_SERVERS: dnsServerList,
  ALLOW_LOGIN_TEST: booleanFlag,
});

/** Validates an environment (process.env by default). Throws ConfigError on the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'is not valid');
  }
  const e = result.data;
  const botToken = e.SLACK_BOT_TOKEN === undefined ? null : new Secret(e.SLACK_BOT_TOKEN);
  const appToken = e.SLACK_APP_TOKEN === undefined ? null : new Secret(e.SLACK_APP_TOKEN);
  const signingSecret = e.SLACK_SIGNING_SECRET === undefined ? null : new Secret(e.SLACK_SIGNING_SECRET);

  let mode: RunMode = 'console';
  if (botToken) {
    if (appToken) mode = 'socket';
    else if (signingSecret) mode = 'http';
    else {
      throw new ConfigError(
        'SLACK_BOT_TOKEN',
        'is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is',
      );
    }
  } else if (appToken || signingSecret) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'is missing: SLACK_APP_TOKEN or SLACK_SIGNING_SECRET alone cannot run the Slack app');
  }

  return {
    mode,
    slack: { botToken, appToken, signingSecret, apiUrl: e.SLACK_API_URL ?? null },
    port: e.PORT,
    probeTimeoutMs: e.PROBE_TIMEOUT_MS,
    probeAllowNetworks: e.PROBE_ALLOW_NETWORKS,
    dnsServers: e.DNS_SERVERS,
    allowLoginTest: e.ALLOW_LOGIN_TEST,
  };
}
