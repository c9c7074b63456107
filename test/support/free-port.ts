import { connect, createServer, type Server } from 'node:net';

/*
 * Process-level plumbing shared by the test servers: free ports, waiting for a listener, and cleanup that
 * must happen even when nobody calls close().
 */

/**
 * Asks the kernel for `count` distinct free TCP ports on `host`, for servers such as Dovecot that must be
 * told their port in a configuration file instead of binding port 0 themselves. All probe servers are held
 * open at once, so the ports are distinct from each other; they are released before returning, so another
 * process could still take one in between — callers that can detect "address in use" should retry.
 */
export async function reservePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port: 0, exclusive: true }, () => resolve());
      });
    }
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('a TCP server has no port');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))));
  }
}

/** Resolves once something accepts TCP connections on host:port, or rejects when `deadline` (epoch ms) passes. */
export async function waitForPort(host: string, port: number, deadline: number, stillWorth: () => boolean = () => true): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      const done = (result: boolean) => {
        socket.destroy();
        resolve(result);
      };
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
      socket.setTimeout(1000, () => done(false));
    });
    if (ok) return;
    if (!stillWorth()) throw new Error(`gave up waiting for ${host}:${port}`);
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const HOOKS = Symbol.for('emailhelp.test.processEndHooks');
type HookHolder = { [HOOKS]?: Set<() => void> };

/**
 * Runs `cleanup` (synchronous: nothing async runs this late) when the process ends, and returns a function
 * that cancels it. vitest ends each worker process with SIGTERM, which skips 'exit' handlers, so the signal
 * is caught too: the hooks run, and the signal is raised again to end the process as it would have ended.
 * The set lives on globalThis because vitest may evaluate these modules more than once in one process.
 */
export function atProcessEnd(cleanup: () => void): () => void {
  const holder = globalThis as HookHolder;
  let hooks = holder[HOOKS];
  if (hooks === undefined) {
    const all = new Set<() => void>();
    hooks = all;
    holder[HOOKS] = all;
    const runAll = () => {
      for (const hook of [...all]) {
        all.delete(hook);
        try {
          hook();
        } catch {
          // One failed cleanup must not stop the others.
        }
      }
    };
    process.once('exit', runAll);
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.once(signal, () => {
        runAll();
        // With our listener gone and no other, the default action is back: re-raising ends the process.
        // If someone else listens, they already got this signal and decide for themselves.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    }
  }
  const registered = hooks;
  registered.add(cleanup);
  return () => {
    registered.delete(cleanup);
  };
}
