import { failureText, logFailure, newReference } from './failure.js';
import type { AppLogger } from './logger.js';

/**
 * Runs the slow part of a handler (after its ack) so that a failure becomes a short message to
 * the user with a reference and a log line with the detail, never an unhandled rejection.
 */
export async function guarded(logger: AppLogger, surface: string, work: () => Promise<void>, tell: (text: string) => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reference = newReference();
    logFailure(logger, reference, surface, error);
    try {
      await tell(failureText(reference));
    } catch (tellError) {
      logFailure(logger, reference, `${surface}:notify`, tellError);
    }
  }
}

/** The Slack Web API error code (`not_in_channel`, `channel_not_found` …) of a failed call, if any. */
export function slackErrorCode(error: unknown): string | null {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}
