import type { LoginErrorInfo } from './types.js';

/**
 * The session's one deadline, enforced from outside the protocol library: imapflow's own timers
 * reset whenever a byte arrives and node-pop3 has only an idle timer, so a server that trickles its
 * answers could hold either for ever. When the time is up, `abort` tears the connection down and
 * the session's promise is abandoned (its late rejection is swallowed).
 */
export class TimedOut extends Error {
  readonly code = 'ETIMEDOUT';
}

export async function withinDeadline<T>(work: Promise<T>, ms: number, abort: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        abort();
      } finally {
        reject(new TimedOut(`no answer within ${Math.round(ms)} ms`));
      }
    }, Math.max(0, ms));
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** A stable code and a message from anything thrown by a library or a socket. */
export function errorInfo(error: unknown, fallbackCode = 'ELOGIN'): LoginErrorInfo {
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' && raw !== '' ? raw : fallbackCode;
  const message = error instanceof Error ? error.message : String(error);
  return { code, message: message.slice(0, 300) };
}
