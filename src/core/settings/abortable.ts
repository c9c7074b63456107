/**
 * Discovery stops every source the moment its answer is decided (or the deadline passes): each
 * source gets one AbortSignal, which cancels pending DNS queries (src/probes/resolve.ts), HTTPS
 * requests and probe connections at their root, so nothing outlives the answer.
 */

/** Milliseconds left until `deadlineAt` (a performance.now() time), never negative. */
export function remainingMs(deadlineAt: number): number {
  return Math.max(0, deadlineAt - performance.now());
}
