import { describe, expect, it } from 'vitest';
import { planProbe, ProbeRequestError } from '../../src/core/probe/target.js';

describe('planProbe', () => {
  it('probes IMAP and POP3 on their standard ports by default', () => {
    expect(planProbe({ input: 'mail.example.com' })).toEqual({
      target: 'mail.example.com',
      groups: [
        {
          host: 'mail.example.com',
          checks: [
            { protocol: 'imap', port: 993, security: 'tls' },
            { protocol: 'imap', port: 143, security: 'starttls' },
            { protocol: 'pop3', port: 995, security: 'tls' },
            { protocol: 'pop3', port: 110, security: 'starttls' },
          ],
        },
      ],
    });
  });

  it('adds SMTP 465 and 587 for all', () => {
    const checks = planProbe({ input: 'mail.example.com', protocol: 'all' }).groups[0]?.checks.map((c) => `${c.protocol}/${c.port}/${c.security}`);
    expect(checks).toEqual(['imap/993/tls', 'imap/143/starttls', 'pop3/995/tls', 'pop3/110/starttls', 'smtp/465/tls', 'smtp/587/starttls']);
  });

  it('probes imap., pop. and smtp. of an unknown email domain', () => {
    const plan = planProbe({ input: 'Anna@Example-Firm.de', protocol: 'all' });
    expect(plan.target).toBe('Anna@Example-Firm.de');
    expect(plan.groups.map((g) => g.host)).toEqual(['imap.example-firm.de', 'pop.example-firm.de', 'smtp.example-firm.de']);
  });

  it('probes a known provider\'s own servers, as the bundled settings list them', () => {
    const plan = planProbe({ input: 'anna@gmx.de', protocol: 'all' });
    const hosts = plan.groups.map((g) => g.host);
    expect(hosts).toEqual(expect.arrayContaining(['imap.gmx.net', 'pop.gmx.net', 'mail.gmx.net']));
    const imap = plan.groups.find((g) => g.host === 'imap.gmx.net')?.checks;
    expect(imap).toEqual([
      { protocol: 'imap', port: 993, security: 'tls' },
      { protocol: 'imap', port: 143, security: 'starttls' },
    ]);
  });

  it.each([
    [{ input: 'mail.example.com', port: 587 }, [{ protocol: 'smtp', port: 587, security: 'starttls' }]],
    [{ input: 'mail.example.com', port: 995 }, [{ protocol: 'pop3', port: 995, security: 'tls' }]],
    [{ input: 'mail.example.com', port: 10143, protocol: 'imap' as const }, [{ protocol: 'imap', port: 10143, security: 'auto' }]],
  ])('a port picks its protocol and security: %o', (request, checks) => {
    expect(planProbe(request).groups[0]?.checks).toEqual(checks);
  });

  it.each([[''], ['a b'], ['x@'], ['@example.com'], ['http://example.com/'], ['mail.example.com:993x'.repeat(30)]])('rejects %j', (input) => {
    expect(() => planProbe({ input })).toThrow(ProbeRequestError);
  });

  it('asks for a protocol for an unusual port', () => {
    expect(() => planProbe({ input: 'mail.example.com', port: 8443 })).toThrow(/--protocol/);
  });
});
