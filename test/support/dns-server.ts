import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, Packet, Question } from 'dns-packet';

export interface DnsRecordSet {
  A?: string[];
  AAAA?: string[];
  MX?: { exchange: string; priority: number }[];
  /** RFC 2782 service records; a target of "." says the service is not offered (RFC 6186 §3.4). */
  SRV?: { target: string; port: number; priority?: number; weight?: number }[];
  /** Each entry is one TXT record (one character-string). */
  TXT?: string[];
  /**
   * Questions for this name are read and logged but never answered, like a resolver behind a
   * firewall that drops them: the client can only give up at its own timeout.
   */
  silent?: boolean;
}

/** Keys are host names, matched case-insensitively and with or without a trailing dot. */
export type DnsRecords = Record<string, DnsRecordSet>;

export interface DnsQueryLog {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
}

export interface DnsServer {
  host: '127.0.0.1';
  /** The same port number answers over UDP and TCP. */
  port: number;
  /** Every question received, in order, so a test can check what was asked. */
  queries: DnsQueryLog[];
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const TTL = 60;
// Plain DNS over UDP without EDNS may not exceed 512 bytes; larger answers are cut and flagged.
const UDP_LIMIT = 512;
const RCODE = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3 } as const;

const normalise = (name: string) => name.toLowerCase().replace(/\.$/, '');

function answersFor(question: Question, set: DnsRecordSet): Answer[] {
  const base = { name: question.name, ttl: TTL, class: 'IN' as const };
  switch (question.type) {
    case 'A':
      return (set.A ?? []).map((data) => ({ ...base, type: 'A' as const, data }));
    case 'AAAA':
      return (set.AAAA ?? []).map((data) => ({ ...base, type: 'AAAA' as const, data }));
    case 'MX':
      return (set.MX ?? []).map((mx) => ({ ...base, type: 'MX' as const, data: { exchange: mx.exchange, preference: mx.priority } }));
    case 'SRV':
      return (set.SRV ?? []).map((srv) => ({ ...base, type: 'SRV' as const, data: { target: srv.target, port: srv.port, priority: srv.priority ?? 0, weight: srv.weight ?? 0 } }));
    case 'TXT':
      return (set.TXT ?? []).map((data) => ({ ...base, type: 'TXT' as const, data }));
    default:
      return [];
  }
}

/** null: the question is for a `silent` name and gets no answer at all. */
function respond(query: DecodedPacket, zone: Map<string, DnsRecordSet>): Packet | null {
  const question = query.questions?.[0];
  // Echo the client's "recursion desired" bit; we are authoritative for everything we know.
  const rd = query.flag_rd ? dnsPacket.RECURSION_DESIRED : 0;
  const flags = dnsPacket.AUTHORITATIVE_ANSWER | rd;
  if (question === undefined || (query.questions?.length ?? 0) !== 1) {
    return { type: 'response', id: query.id ?? 0, flags: flags | RCODE.FORMERR, questions: query.questions ?? [] };
  }
  const set = zone.get(normalise(question.name));
  if (set?.silent) return null;
  if (set === undefined) return { type: 'response', id: query.id ?? 0, flags: flags | RCODE.NXDOMAIN, questions: [question] };
  // The name exists: a type it lacks is NOERROR with an empty answer ("NODATA"), not NXDOMAIN.
  return { type: 'response', id: query.id ?? 0, flags: flags | RCODE.NOERROR, questions: [question], answers: answersFor(question, set) };
}

function tryDecode(message: Buffer): DecodedPacket | null {
  try {
    const packet = dnsPacket.decode(message);
    return packet.type === 'query' ? packet : null;
  } catch {
    return null;
  }
}

/**
 * A small authoritative DNS server on 127.0.0.1 for the names in `records`, over UDP and TCP on one port,
 * usable with `new dns.promises.Resolver()` and `setServers(['127.0.0.1:PORT'])`.
 */
export async function startDnsServer(records: DnsRecords): Promise<DnsServer> {
  const zone = new Map(Object.entries(records).map(([name, set]) => [normalise(name), set] as const));
  const queries: DnsQueryLog[] = [];
  const log = (packet: DecodedPacket, transport: 'udp' | 'tcp') => {
    for (const q of packet.questions ?? []) queries.push({ name: q.name, type: q.type, transport });
  };

  const onUdp = (udp: UdpSocket) => (message: Buffer, from: RemoteInfo) => {
    const query = tryDecode(message);
    if (query === null) return;
    log(query, 'udp');
    const response = respond(query, zone);
    if (response === null) return;
    let wire = dnsPacket.encode(response);
    if (wire.length > UDP_LIMIT) {
      // Tell the client to ask again over TCP, as a real server would.
      wire = dnsPacket.encode({ ...response, flags: (response.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE, answers: [] });
    }
    udp.send(wire, from.port, from.address);
  };

  const tcpSockets = new Set<Socket>();
  const onTcp = (socket: Socket) => {
    tcpSockets.add(socket);
    socket.on('close', () => tcpSockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(5000, () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      // Each message is preceded by its two-byte length; several may arrive in one chunk.
      while (buffered.length >= 2) {
        const length = buffered.readUInt16BE(0);
        if (buffered.length < 2 + length) break;
        const query = tryDecode(buffered.subarray(2, 2 + length));
        buffered = buffered.subarray(2 + length);
        if (query === null) {
          socket.destroy();
          return;
        }
        log(query, 'tcp');
        const response = respond(query, zone);
        if (response !== null) socket.write(dnsPacket.streamEncode(response));
      }
    });
  };

  // UDP and TCP ports are separate namespaces: take a free UDP port, then try the same number for TCP.
  for (let attempt = 1; ; attempt++) {
    const udp = createSocket('udp4');
    udp.on('message', onUdp(udp));
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind({ address: HOST, port: 0, exclusive: true }, () => resolve());
    });
    const port = udp.address().port;
    const tcp: Server = createServer(onTcp);
    const bound = await new Promise<boolean>((resolve) => {
      tcp.once('error', () => resolve(false));
      tcp.listen({ host: HOST, port, exclusive: true }, () => resolve(true));
    });
    if (!bound) {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      if (attempt >= 10) throw new Error('could not find a port free for both UDP and TCP on 127.0.0.1');
      continue;
    }
    udp.on('error', () => undefined);

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        for (const socket of tcpSockets) socket.destroy();
        await Promise.all([new Promise<void>((resolve) => tcp.close(() => resolve())), new Promise<void>((resolve) => udp.close(() => resolve()))]);
      })();
      return closing;
    };
    return { host: HOST, port, queries, close };
  }
}
