import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, parseDnsServer } from '../../src/config.js';

describe('parseConfig', () => {
  it('defaults to the local console with the documented defaults', () => {
    const c = parseConfig({});
    expect(c.mode).toBe('console');
    expect(c.port).toBe(3000);
    expect(c.probeTimeoutMs).toBe(8000);
    expect(c.probeAllowNetworks).toEqual([]);
    expect(c.dnsServers).toEqual([]);
    expect(c.allowLoginTest).toBe(false);
    expect(c.slack.apiUrl).toBeNull();
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, 'socket'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cr3t' }, 'http'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }, 'socket'],
    [{ SLACK_BOT_TOKEN: '' }, 'console'],
  ])('picks the run mode from the credentials: %o → %s', (env, mode) => {
    expect(parseConfig(env).mode).toBe(mode);
  });

  it('reads every variable', () => {
    const c = parseConfig({
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9000/api/',
      PROBE_TIMEOUT_MS: '2500',
      PROBE_ALLOW_NETWORKS: '10.20.0.0/16, 127.0.0.0/8,fd00::/8',
      DNS_SERVERS: '192.0.2.53,127.0.0.1:5353,[::1]:5300,2001:db8::1',
      ALLOW_LOGIN_TEST: 'TRUE',
    });
    expect(c.port).toBe(8080);
    expect(c.slack.apiUrl).toBe('http://127.0.0.1:9000/api/');
    expect(c.probeTimeoutMs).toBe(2500);
    expect(c.probeAllowNetworks.map(([ip, bits]) => `${ip.toString()}/${bits}`)).toEqual(['10.20.0.0/16', '127.0.0.0/8', 'fd00::/8']);
    expect(c.dnsServers).toEqual([
      { host: '192.0.2.53', port: 53 },
      { host: '127.0.0.1', port: 5353 },
      { host: '::1', port: 5300 },
      { host: '2001:db8::1', port: 53 },
    ]);
    expect(c.allowLoginTest).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'whole number'],
    [{ PORT: '70000' }, 'PORT', 'from 1 to 65535'],
    [{ PROBE_TIMEOUT_MS: '-5' }, 'PROBE_TIMEOUT_MS', 'whole number'],
    [{ PROBE_TIMEOUT_MS: '1.5' }, 'PROBE_TIMEOUT_MS', 'whole number'],
    [{ PROBE_ALLOW_NETWORKS: '10.0.0.0/33' }, 'PROBE_ALLOW_NETWORKS', '"10.0.0.0/33" is not a CIDR'],
    [{ PROBE_ALLOW_NETWORKS: 'intranet' }, 'PROBE_ALLOW_NETWORKS', 'not a CIDR'],
    [{ DNS_SERVERS: 'dns.google' }, 'DNS_SERVERS', '"dns.google" is not an address'],
    [{ DNS_SERVERS: '10.1' }, 'DNS_SERVERS', 'not an address'],
    [{ DNS_SERVERS: '1.1.1.1:99999' }, 'DNS_SERVERS', 'not an address'],
    [{ ALLOW_LOGIN_TEST: 'maybe' }, 'ALLOW_LOGIN_TEST', 'true or false'],
    [{ SLACK_API_URL: 'ftp://x' }, 'SLACK_API_URL', 'http(s) URL'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN', 'neither SLACK_APP_TOKEN'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN', 'is missing'],
  ])('rejects %o naming %s', (env, variable, problem) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(problem);
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('never prints a secret, not even a malformed one', () => {
    const leaked = 'xoxp-THIS-IS-A-USER-TOKEN-0123456789';
    let message = '';
    try {
      parseConfig({ SLACK_BOT_TOKEN: leaked, SLACK_APP_TOKEN: 'xapp-1' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).not.toContain('THIS-IS');

    const c = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-secret-bot', SLACK_APP_TOKEN: 'xapp-secret-app', SLACK_SIGNING_SECRET: 'sign-secret' });
    const shown = [JSON.stringify(c), inspect(c, { depth: 5 }), String(c.slack.botToken), `${c.slack.appToken}`].join('\n');
    expect(shown).not.toMatch(/secret-bot|secret-app|sign-secret/);
    expect(shown).toContain('[redacted]');
    expect(c.slack.botToken?.reveal()).toBe('xoxb-secret-bot');
  });
});

describe('parseDnsServer', () => {
  it.each([
    ['8.8.8.8', { host: '8.8.8.8', port: 53 }],
    ['127.0.0.1:5353', { host: '127.0.0.1', port: 5353 }],
    ['[2001:db8::53]:53', { host: '2001:db8::53', port: 53 }],
    ['::1', { host: '::1', port: 53 }],
    ['0x7f.1', null],
    ['[::1]:0', null],
    ['', null],
  ])('%s → %o', (input, expected) => {
    expect(parseDnsServer(input)).toEqual(expected);
  });
});

describe('loadConfig', () => {
  it('returns the same defaults as the schema when nothing is set', async () => {
    const { loadConfig, defaultConfig } = await import('../../src/load-config.js');
    expect(await loadConfig({ env: {}, dotenvPath: '/nonexistent/.env' })).toEqual(parseConfig({}));
    expect(defaultConfig()).toEqual(parseConfig({}));
  });

  it('validates as soon as one variable is set', async () => {
    const { loadConfig } = await import('../../src/load-config.js');
    await expect(loadConfig({ env: { PORT: 'x' }, dotenvPath: '/nonexistent/.env' })).rejects.toBeInstanceOf(ConfigError);
    expect((await loadConfig({ env: { PORT: '8080' }, dotenvPath: '/nonexistent/.env' })).port).toBe(8080);
  });

  it('reads .env without overriding the real environment', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'emailhelp-env-'));
    writeFileSync(join(dir, '.env'), 'PORT=4000\nPROBE_TIMEOUT_MS=1500\n');
    const { loadConfig } = await import('../../src/load-config.js');
    const c = await loadConfig({ env: { PORT: '5000' }, dotenvPath: join(dir, '.env') });
    expect(c.port).toBe(5000);
    expect(c.probeTimeoutMs).toBe(1500);
  });
});
