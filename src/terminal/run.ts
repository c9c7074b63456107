import type { Config } from '../config.js';
import type { Secret } from '../secret.js';
import { diagnose } from '../core/diagnosis/index.js';
import type { ProtocolChoice } from '../core/probe/index.js';
import { explain, topicIds } from '../core/explain.js';
import { COMMANDS, parseArgs, UsageError, type CliRequest, type CommandName } from './args.js';
import { firstLine, PasswordCancelled } from './password.js';
import { renderDiagnosis, renderExplanation, renderLogin, renderProbe, renderSettings } from './render.js';
import { USAGE } from './usage.js';

/** Where the CLI reads and writes: the real process in cli.ts, buffers in tests. */
export interface CliIo {
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The validated configuration (probe uses its timeouts, allowed networks and resolvers). */
  config: Config;
  /** Extra trusted CA certificates for probes (a lab's CA); none normally. */
  extraCa?: readonly string[];
  /**
   * The login test's password from a terminal, without echo (cli.ts sets it when stdin is a TTY).
   * Absent, the first line of stdin is the password.
   */
  readPassword?(prompt: string): Promise<Secret>;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** Stdin beyond this is a log file, not an error message; diagnosis reads its head and tail anyway. */
export const MAX_STDIN_BYTES = 4 * 1024 * 1024;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let request: CliRequest;
  try {
    request = parseArgs(argv);
    return await dispatch(request, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`emailhelp: ${error.message}\n`);
      io.stderr(`Try: emailhelp help${error.command ? ` ${error.command}` : ''}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function dispatch(request: CliRequest, io: CliIo): Promise<number> {
  switch (request.command) {
    case 'help':
      return help(request, io);
    case 'diagnose':
      return runDiagnose(request, io);
    case 'explain':
      return runExplain(request, io);
    case 'settings':
      return runSettings(request, io);
    case 'probe':
      return runProbe(request, io);
  }
}

function help(request: CliRequest, io: CliIo): number {
  const [topic] = request.args;
  if (topic !== undefined && !COMMANDS.includes(topic as CommandName)) {
    throw new UsageError(`no help for ${JSON.stringify(topic)}: the commands are ${COMMANDS.join(', ')}`);
  }
  const text = USAGE[(topic as CommandName | undefined) ?? 'general'];
  if (request.json) io.stdout(`${JSON.stringify({ command: topic ?? null, text })}\n`);
  else io.stdout(text);
  return EXIT_OK;
}

async function runDiagnose(request: CliRequest, io: CliIo): Promise<number> {
  if (request.args.length === 0) {
    throw new UsageError('diagnose needs the error text: emailhelp diagnose "…", or - to read it from stdin', 'diagnose');
  }
  const text = request.args.length === 1 && request.args[0] === '-' ? await io.readStdin() : request.args.join(' ');
  if (text.trim() === '') {
    throw new UsageError('the error text is empty: paste the message the mail app shows', 'diagnose');
  }
  const result = diagnose(text);
  if (request.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(renderDiagnosis(result));
  return EXIT_OK;
}

function runExplain(request: CliRequest, io: CliIo): number {
  const name = request.args.join(' ');
  if (name.trim() === '') {
    throw new UsageError(`explain needs a topic: ${topicIds().join(', ')}`, 'explain');
  }
  const found = explain(name);
  if (!found) {
    throw new UsageError(`no topic ${JSON.stringify(name.slice(0, 60))}: the topics are ${topicIds().join(', ')}`, 'explain');
  }
  if (request.json) io.stdout(`${JSON.stringify(found)}\n`);
  else io.stdout(renderExplanation(found));
  return EXIT_OK;
}

async function runSettings(request: CliRequest, io: CliIo): Promise<number> {
  const [input, ...extra] = request.args;
  if (input === undefined) throw new UsageError('settings needs an email address or a domain: emailhelp settings someone@example.com', 'settings');
  if (extra.length > 0) throw new UsageError(`settings takes one email address or domain, not ${request.args.length}`, 'settings');
  const offline = request.flags?.includes('offline') ?? false;
  // Loaded here, not at start: diagnose and explain need neither the bundled data nor the network stack.
  const { SettingsInputError } = await import('../core/settings/types.js');
  let answer;
  try {
    if (offline) {
      const { lookupOffline } = await import('../core/settings/offline.js');
      answer = lookupOffline(input);
    } else {
      const { discover } = await import('../core/settings/online.js');
      answer = await discover(input, { config: io.config, extraCa: io.extraCa });
    }
  } catch (error) {
    if (error instanceof SettingsInputError) throw new UsageError(error.message, 'settings');
    throw error;
  }
  if (request.json) io.stdout(`${JSON.stringify(answer, null, 2)}\n`);
  else io.stdout(renderSettings(answer));
  return EXIT_OK;
}

const PROTOCOL_CHOICES: readonly ProtocolChoice[] = ['imap', 'pop3', 'smtp', 'all'];

async function runProbe(request: CliRequest, io: CliIo): Promise<number> {
  if (request.options.login !== undefined) return runLogin(request, io);
  const [input, ...extra] = request.args;
  if (input === undefined) throw new UsageError('probe needs a server name or an email address: emailhelp probe imap.example.com', 'probe');
  if (extra.length > 0) throw new UsageError(`probe takes one server or address, not ${request.args.length}`, 'probe');
  const protocol = request.options.protocol?.toLowerCase();
  if (protocol !== undefined && !PROTOCOL_CHOICES.includes(protocol as ProtocolChoice)) {
    throw new UsageError(`--protocol must be ${PROTOCOL_CHOICES.join(', ')}`, 'probe');
  }
  const portText = request.options.port;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!/^\d+$/.test(portText ?? '') || port < 1 || port > 65535)) {
    throw new UsageError('--port must be a port number from 1 to 65535', 'probe');
  }
  // Loaded here, not at start: diagnose and explain need none of the network stack.
  const { probe, ProbeRequestError } = await import('../core/probe/index.js');
  let report;
  try {
    report = await probe({ input, protocol: protocol as ProtocolChoice | undefined, port }, { config: io.config, extraCa: io.extraCa });
  } catch (error) {
    if (error instanceof ProbeRequestError) throw new UsageError(error.message, 'probe');
    throw error;
  }
  if (request.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(renderProbe(report));
  return EXIT_OK;
}

const LOGIN_PROTOCOLS = ['imap', 'pop3', 'smtp'] as const;
type LoginProtocol = (typeof LOGIN_PROTOCOLS)[number];

/**
 * `probe --login USER`: the opt-in login test. Usage is checked first, then whether the test is
 * enabled (before any prompt), then the password is read (never from argv) and handed on as a
 * Secret.
 */
async function runLogin(request: CliRequest, io: CliIo): Promise<number> {
  const user = request.options.login ?? '';
  const [input, ...extra] = request.args;
  if (input === undefined) throw new UsageError('probe --login needs the server (or an email address): emailhelp probe --login anna@example.com imap.example.com', 'probe');
  if (extra.length > 0) throw new UsageError(`probe --login takes one server or address, not ${request.args.length}`, 'probe');
  const protocol = request.options.protocol?.toLowerCase() ?? 'imap';
  if (!LOGIN_PROTOCOLS.includes(protocol as LoginProtocol)) throw new UsageError(`--protocol with --login must be ${LOGIN_PROTOCOLS.join(', ')}`, 'probe');
  const portText = request.options.port;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!/^\d+$/.test(portText ?? '') || port < 1 || port > 65535)) {
    throw new UsageError('--port must be a port number from 1 to 65535', 'probe');
  }
  if (!io.config.allowLoginTest) {
    // One line, no "Try: help": the usage was fine, the feature is off.
    io.stderr('emailhelp: the login test is switched off: set ALLOW_LOGIN_TEST=true (in the environment or .env) to enable it\n');
    return EXIT_USAGE;
  }
  const { checkLoginRequest, loginTest, LoginRequestError, LoginDisabledError } = await import('../core/login/index.js');
  const target = { input, user, protocol: protocol as LoginProtocol, port };
  let report;
  try {
    // Bad input is reported before anyone types a password for nothing.
    checkLoginRequest(target);
    const password = io.readPassword ? await io.readPassword(`Password for ${user} (not shown): `) : firstLine(await io.readStdin());
    report = await loginTest({ ...target, password }, { config: io.config, extraCa: io.extraCa });
  } catch (error) {
    if (error instanceof LoginRequestError || error instanceof LoginDisabledError || error instanceof PasswordCancelled) throw new UsageError(error.message, 'probe');
    throw error;
  }
  if (request.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(renderLogin(report));
  return EXIT_OK;
}
