import type { Stage } from './types.js';

/**
 * A probe step that failed, with a stable string `code` (Node's errno and TLS codes where they
 * apply: ECONNREFUSED, ETIMEDOUT, CERT_HAS_EXPIRED …; our own otherwise: LINE_TOO_LONG,
 * BAD_GREETING …), the stage it failed in, and the original error as `cause`.
 */
export class ProbeError extends Error {
  constructor(
    readonly code: string,
    readonly stage: Stage,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProbeError';
  }
}

/** Wraps any error from a step into a ProbeError, keeping Node's code when it has one. */
export function toProbeError(error: unknown, stage: Stage): ProbeError {
  if (error instanceof ProbeError) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'EPROBE';
  const message = error instanceof Error ? error.message : String(error);
  return new ProbeError(code, stage, message, { cause: error });
}
