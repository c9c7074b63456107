import type { Resolver } from 'node:dns/promises';
import { serverResolver, type DnsServer } from '../../probes/resolve.js';
import { remainingMs } from './abortable.js';

/**
 * SRV and MX lookups for discovery, with the resolvers of DNS_SERVERS when set (the system's
 * otherwise), cancelled outright when discovery aborts: a resolver that never answers costs
 * nothing once the answer is decided. Errors become a small set of outcomes, because "this name
 * does not exist" and "it has no such records" say different things to the user.
 */

export type DnsOutcome<T> =
  | { status: 'found'; records: T[] }
  /** NXDOMAIN: the name does not exist at all. */
  | { status: 'no-domain' }
  /** The name exists, without records of this type. */
  | { status: 'no-records' }
  | { status: 'failed'; code: string };

/** How long one try may take; a second try follows, all within the deadline. */
const TRY_MS = 2000;

export function discoveryResolver(servers: readonly DnsServer[], deadlineAt: number, signal: AbortSignal): Resolver {
  return serverResolver(servers, { timeout: Math.max(50, Math.min(TRY_MS, Math.floor(remainingMs(deadlineAt) / 2))), tries: 2 }, signal);
}

export async function query<T>(lookup: Promise<T[]>): Promise<DnsOutcome<T>> {
  try {
    const records = await lookup;
    return records.length === 0 ? { status: 'no-records' } : { status: 'found', records };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'EDNS';
    if (code === 'ENOTFOUND') return { status: 'no-domain' };
    if (code === 'ENODATA') return { status: 'no-records' };
    return { status: 'failed', code };
  }
}
