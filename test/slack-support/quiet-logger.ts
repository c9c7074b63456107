import { LogLevel, type Logger } from '@slack/bolt';

/** A Bolt logger that keeps warnings and errors for assertions instead of printing them (expected 401s log errors). */
export interface QuietLogger extends Logger {
  lines: string[];
}

/** Makes a logger for one app; debug and info lines are dropped. */
export function quietLogger(): QuietLogger {
  let level = LogLevel.WARN;
  const lines: string[] = [];
  const keep = (kind: string) => (...msg: unknown[]) => {
    lines.push(`${kind} ${msg.map(String).join(' ')}`);
  };
  return {
    lines,
    debug: () => undefined,
    info: () => undefined,
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
