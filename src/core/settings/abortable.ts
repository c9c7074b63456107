/**
 * Discovery stops every source the moment its answer is decided (or the deadline passes): each
 * source gets one AbortSignal, and any wait that cannot be cancelled at its root (a lookup inside
 * the probe's resolver) is raced against it so the source itself returns at once.
 */

export class DiscoveryAborted extends Error {
  readonly code = 'ABORTED';
  constructor() {
    super('discovery had already answered or ran out of time');
    this.name = 'DiscoveryAborted';
  }
}

export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new DiscoveryAborted());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DiscoveryAborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Milliseconds left until `deadlineAt` (a performance.now() time), never negative. */
export function remainingMs(deadlineAt: number): number {
  return Math.max(0, deadlineAt - performance.now());
}
