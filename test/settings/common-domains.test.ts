import { describe, expect, it } from 'vitest';
import { lookupOffline } from '../../src/core/settings/offline.js';
import type { SettingsAnswer } from '../../src/core/settings/types.js';
import { COMMON_DOMAINS, type CommonDomain } from '../fixtures/common-domains.js';

/**
 * The bar: offline, for the most common consumer and ISP domains, the first IMAP and the
 * first SMTP server (host, port, security) are right. The expected values live in
 * test/fixtures/common-domains.ts, each line with the page it was read on and how far it goes
 * (provider's own page, independent copy, ISPDB only, not bundled).
 */

function firstImap(a: SettingsAnswer) {
  const s = a.incoming.find((server) => server.protocol === 'imap');
  return s ? { host: s.host, port: s.port, security: s.security } : null;
}

function firstSmtp(a: SettingsAnswer) {
  const s = a.outgoing[0];
  return s ? { host: s.host, port: s.port, security: s.security } : null;
}

const label = (d: CommonDomain) => `${d.domain} (${d.verified})`;

describe('offline settings for the common domains', () => {
  it.each(COMMON_DOMAINS.map((d) => [label(d), d] as const))('%s', (_label, expected) => {
    const a = lookupOffline(`someone@${expected.domain}`);
    expect(a.provider?.id ?? null).toBe(expected.provider);
    expect(firstImap(a)).toEqual(expected.imap);
    expect(firstSmtp(a)).toEqual(expected.smtp);
  });
});

describe('the common-domain list itself', () => {
  it('covers at least 80 distinct domains, each with a source of the kind its level needs', () => {
    const domains = COMMON_DOMAINS.map((d) => d.domain);
    expect(new Set(domains).size).toBe(domains.length);
    expect(domains.length).toBeGreaterThanOrEqual(80);
    for (const d of COMMON_DOMAINS) {
      if (d.verified === 'provider' || d.verified === 'independent') expect(d.source, d.domain).toMatch(/^https:\/\/\S+$/);
      if (d.verified === 'ispdb-only') expect(d.source, d.domain).toBe('ISPDB only');
      if (d.verified === 'not-bundled') expect(d, d.domain).toMatchObject({ provider: null, imap: null, smtp: null });
    }
  });

  it('counts what docs/settings.md says', () => {
    const counts: Record<string, number> = {};
    for (const d of COMMON_DOMAINS) counts[d.verified] = (counts[d.verified] ?? 0) + 1;
    expect(counts).toEqual({ provider: 16, independent: 35, 'ispdb-only': 46, 'not-bundled': 4 });
  });

  it('expects no unencrypted first server anywhere', () => {
    for (const d of COMMON_DOMAINS) {
      expect(d.imap?.security, d.domain).not.toBe('none');
      expect(d.smtp?.security, d.domain).not.toBe('none');
    }
  });
});

describe('caveats for the domains added from the providers\' pages', () => {
  it.each([
    ['freenet.de', /Jetzt POP3, IMAP und SMTP aktivieren/],
    ['ukr.net', /ManageIMAPAccess/],
    ['rogers.com', /hosted by Yahoo.*no longer lets customers generate app passwords/],
    ['aruba.it', /customer account.*IMAP is an extra service/],
    ['aruba.it', /Leave a copy of messages on the server/],
    ['hey.com', /no IMAP, POP or SMTP/],
    ['mail.com', /Premium/],
    ['talktalk.net', /whole TalkTalk address/],
    ['talktalk.net', /Everymail.*31 October 2025/],
    ['tiscali.co.uk', /Everymail/],
    ['telenet.be', /login password/],
    ['interia.pl', /IMAP access is switched on/],
    ['poczta.fm', /whole Interia address/],
    ['telia.com', /whole Telia address/],
    ['shaw.ca', /supported by Rogers.*MyRogers \(Shaw\)/],
  ])('%s: %s', (domain, pattern) => {
    expect(lookupOffline(domain).notes.join('\n')).toMatch(pattern);
  });

  it('gives TalkTalk\'s older addresses the same servers as talktalk.net', () => {
    for (const domain of ['tiscali.co.uk', 'lineone.net', 'pipex.com', 'tinyworld.co.uk']) {
      const a = lookupOffline(`someone@${domain}`);
      expect(a.provider?.id, domain).toBe('talktalk');
      expect(firstImap(a), domain).toEqual({ host: 'mail.talktalk.net', port: 993, security: 'tls' });
    }
  });

  it('names the whole address as user name for the ISP entries read off FairEmail', () => {
    for (const domain of ['talktalk.net', 'telenet.be', 'interia.pl', 'telia.com', 'shaw.ca']) {
      const a = lookupOffline(domain);
      expect([...a.incoming, ...a.outgoing].map((s) => s.username), domain).toEqual(['email', 'email']);
    }
  });

  it('answers HEY as a known provider with no servers, not as an unknown domain', () => {
    const a = lookupOffline('hey.com');
    expect(a).toMatchObject({ provider: { id: 'hey' }, incoming: [], outgoing: [] });
    expect(a.notes.join(' ')).not.toMatch(/no bundled settings/);
  });
});
