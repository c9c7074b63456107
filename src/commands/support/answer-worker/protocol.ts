import ipaddr from 'ipaddr.js';
import type { Config } from '../../../config.js';
import type { Answer, Ask } from '../../../core/answer/index.js';
import type { ProbeActor } from '../probe-limits.js';

/**
 * The messages between the Slack app's main thread and its answer worker. Only plain data crosses
 * (structured clone): the configuration without its secrets, asks and answers, log records.
 */

/** One slash command to answer through its response_url. */
export interface AnswerJob {
  id: number;
  ask: Ask;
  actor: ProbeActor;
  responseUrl: string;
  shareId: string;
}

export type ToWorker =
  | { type: 'job'; job: AnswerJob }
  | { type: 'probe-grant'; request: number; refused: string | null }
  /** The answer kept for a Share in channel button, asked for when someone presses it. */
  | { type: 'shared'; request: number; shareId: string }
  | { type: 'forget'; shareId: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number }
  | { type: 'shared'; request: number; answer: Answer | null }
  | { type: 'probe-acquire'; request: number; actor: ProbeActor; target: string }
  | { type: 'probe-finish'; request: number; outcome: string }
  | { type: 'event'; level: 'info' | 'warn' | 'error'; name: string; fields: Record<string, unknown> }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; text: string };

/** What a worker starts with. */
export interface WorkerSetup {
  config: PlainConfig;
  extraCa: readonly string[] | null;
  logLevel: string;
}

/**
 * The configuration an answer needs, as plain data. The worker never talks to Slack's Web API (a
 * response_url needs no token), so no token or signing secret is copied into it.
 */
export type PlainConfig = Omit<Config, 'slack' | 'probeAllowNetworks'> & { apiUrl: string | null; probeAllowNetworks: string[] };

export function toPlainConfig(config: Config): PlainConfig {
  const { slack, probeAllowNetworks, ...rest } = config;
  return { ...rest, apiUrl: slack.apiUrl, probeAllowNetworks: probeAllowNetworks.map(([address, bits]) => `${address.toString()}/${bits}`) };
}

export function fromPlainConfig(plain: PlainConfig): Config {
  const { apiUrl, probeAllowNetworks, ...rest } = plain;
  return {
    ...rest,
    slack: { botToken: null, appToken: null, signingSecret: null, apiUrl },
    probeAllowNetworks: probeAllowNetworks.map((cidr) => ipaddr.parseCIDR(cidr)),
  };
}
