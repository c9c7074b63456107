import { LogLevel, type Logger } from '@slack/bolt';

/**
 * The app's structured log: one JSON object per line, given to Bolt as its logger too, so that
 * Bolt's own messages land in the same stream. Anything that reaches it is passed through
 * `redact`: Slack tokens, signing secrets and anything that looks like a password are removed,
 * whatever the caller (or a library) put in the message.
 */

const LEVELS: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Whether a line at `level` is written when the log is set to `threshold`. */
export function levelEnabled(level: LogLevel, threshold: LogLevel): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);
}

export interface AppLogger extends Logger {
  /** A structured event (`probe`, `feedback`, `handler_error` …) with its fields. */
  event(level: 'info' | 'warn' | 'error', name: string, fields: Record<string, unknown>): void;
}

/** Slack token shapes (xoxb-, xoxp-, xapp-, xoxe- …) and key=value or JSON password fields. */
const SECRET_PATTERNS: RegExp[] = [
  /\bx(?:ox[abpre]|app)-[A-Za-z0-9-]{6,}/g,
  /("?(?:password|passwd|pass|secret|token|signing_?secret|authorization)"?\s*[:=]\s*)("[^"]*"|[^\s,}]+)/gi,
  /\bBearer\s+[A-Za-z0-9._~+/-]+=*/g,
];

export function redact(text: string, extra: readonly string[] = []): string {
  let out = text;
  for (const value of extra) if (value.length >= 4) out = out.split(value).join('[redacted]');
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, (_m, key?: string) => (typeof key === 'string' && key !== _m ? `${key}[redacted]` : '[redacted]'));
  return out;
}

export function describe(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${value.name}${typeof code === 'string' ? ` ${code}` : ''}: ${value.message}`;
  }
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export interface LoggerOptions {
  /** Where lines go (stderr by default, so that stdout stays for answers in the console). */
  write?: (line: string) => void;
  level?: LogLevel;
  /** Secret values to remove wherever they appear (the configured tokens). */
  secrets?: readonly string[];
  name?: string;
}

export function createLogger(options: LoggerOptions = {}): AppLogger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const secrets = options.secrets ?? [];
  let level: LogLevel = options.level ?? LogLevel.INFO;
  let name = options.name ?? 'emailhelp';
  const enabled = (l: LogLevel) => levelEnabled(l, level);
  const emit = (l: LogLevel, record: Record<string, unknown>) => {
    if (!enabled(l)) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: l, name, ...record });
    write(`${redact(line, secrets)}\n`);
  };
  // Bolt calls debug() with whole request bodies on every request: describe them only when the
  // line will be written (and so a disabled level costs nothing, and no body is ever serialized).
  const plain = (l: LogLevel) => (...msg: unknown[]) => {
    if (enabled(l)) emit(l, { msg: msg.map(describe).join(' ') });
  };
  return {
    debug: plain(LogLevel.DEBUG),
    info: plain(LogLevel.INFO),
    warn: plain(LogLevel.WARN),
    error: plain(LogLevel.ERROR),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
    event: (l, event, fields) => emit(l === 'info' ? LogLevel.INFO : l === 'warn' ? LogLevel.WARN : LogLevel.ERROR, { event, ...fields }),
  };
}
