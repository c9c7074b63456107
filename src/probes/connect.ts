import { connect as netConnect, type Socket } from 'node:net';
import { ProbeError, toProbeError } from './probe-error.js';
import type { Deadline } from './deadline.js';

/** Opens TCP to the checked address itself (never a name: no second lookup). */
export async function connectTcp(address: string, port: number, deadline: Deadline): Promise<Socket> {
  const socket = netConnect({ host: address, port });
  socket.setNoDelay(true);
  try {
    await deadline.step(
      'connect',
      new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      }),
      () => socket.destroy(),
    );
    return socket;
  } catch (error) {
    socket.destroy();
    const e = toProbeError(error, 'connect');
    const plain = FRIENDLY[e.code];
    throw plain ? new ProbeError(e.code, 'connect', `${plain} (${address} port ${port})`, { cause: error }) : e;
  }
}

const FRIENDLY: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing accepts connections on this port',
  ETIMEDOUT: 'no answer: the connection attempt timed out (a firewall drops it, or the server is down)',
  EHOSTUNREACH: 'the host cannot be reached from here',
  ENETUNREACH: 'the network is unreachable from here',
  ECONNRESET: 'the connection was reset',
};
