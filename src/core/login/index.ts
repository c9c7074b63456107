import type { Cidr } from '../../probes/address-policy.js';
import { attemptLogin } from '../../probes/login/attempt.js';
import type { DnsServer } from '../../probes/resolve.js';
import { discover } from '../settings/online.js';
import type { SettingsAnswer } from '../settings/types.js';
import { judgeLogin, type LoginReport } from './judge.js';
import { checkRequest, LoginDisabledError, planLogin, type LoginRequest } from './request.js';
import { echoForms } from './scrub.js';

export { checkTarget as checkLoginRequest, LoginDisabledError, LoginRequestError, type LoginRequest } from './request.js';
export type { LoginOutcome, LoginReport } from './judge.js';
export type { LoginStage } from '../../probes/login/types.js';

/**
 * The opt-in, read-only login test (transport-free: the CLI and the Slack app both call this).
 * One sign-in over TLS (implicit or STARTTLS) with a verified certificate, one read-only check,
 * goodbye; the same address policy, resolvers and deadline as the probe. The password is a Secret:
 * read where it is handed to the protocol, and to make sure no report repeats it.
 */

export interface LoginContext {
  /** ALLOW_LOGIN_TEST, PROBE_TIMEOUT_MS, PROBE_ALLOW_NETWORKS and DNS_SERVERS. */
  config: { allowLoginTest: boolean; probeTimeoutMs: number; probeAllowNetworks: readonly Cidr[]; dnsServers: readonly DnsServer[] };
  /** Extra trusted CA certificates (PEM): a lab's own CA. */
  extraCa?: readonly string[];
}

/**
 * Runs a login test. Throws LoginDisabledError when ALLOW_LOGIN_TEST is not true and
 * LoginRequestError for bad input (both before any network access); a bad, silent or refusing
 * server is never an exception, always a report.
 */
export async function loginTest(request: LoginRequest, context: LoginContext): Promise<LoginReport> {
  if (context.config.allowLoginTest !== true) throw new LoginDisabledError();
  checkRequest(request);
  const attempt = planLogin(request, await discoverFor(request, context));
  const input = request.input.trim();
  const user = request.user.trim();
  const facts = await attemptLogin(attempt, { user, password: request.password }, {
    timeoutMs: context.config.probeTimeoutMs,
    allowNetworks: context.config.probeAllowNetworks,
    dnsServers: context.config.dnsServers,
    extraCa: context.extraCa,
  });
  return judgeLogin(facts, { input, user }, echoForms(user, request.password.reveal()));
}

/** For an email address with no port: the provider's servers, as `emailhelp probe` finds them. */
async function discoverFor(request: LoginRequest, context: LoginContext): Promise<SettingsAnswer | undefined> {
  if (!request.input.includes('@') || request.port !== undefined) return undefined;
  try {
    const answer = await discover(request.input.trim(), context);
    return answer.provider !== null || answer.incoming.length + answer.outgoing.length > 0 ? answer : undefined;
  } catch {
    // Bad input is reported by planLogin in the login test's own words.
    return undefined;
  }
}
