import { describe, expect, it } from 'vitest';
import { buildAnswer, helpPage, type AnswerContext } from '../../../src/core/answer/index.js';

/** The answer model without any transport: what each kind of request is answered with. */

const context: AnswerContext = {
  config: { probeTimeoutMs: 1000, probeAllowNetworks: [], dnsServers: [], allowLoginTest: false },
  command: '/emailhelp',
  // No probe leaves the machine in these tests: every probe is refused as if a limit were reached.
  guardProbe: async () => ({ refused: 'not in this test' }),
};

describe('buildAnswer', () => {
  it('diagnoses, adds the bundled settings of the server named, and offers follow-ups', async () => {
    const answer = await buildAnswer({ kind: 'diagnose', text: 'Thunderbird: Login to server imap.gmail.com failed. [ALERT] Application-specific password required' }, context);
    expect(answer.kind).toBe('diagnosis');
    expect(answer.diagnosis?.causes[0]?.id).toBe('app_password_required');
    expect(answer.settings?.provider?.id).toBeTruthy();
    expect(answer.settings?.incoming[0]?.host).toBe('imap.gmail.com');
    expect(answer.probeNote).toBe('not in this test');
    expect(answer.followUps).toContainEqual({ kind: 'ask', label: 'App passwords', ask: { kind: 'explain', topic: 'app-passwords' } });
    expect(answer.followUps).toContainEqual({ kind: 'feedback', causeId: 'app_password_required' });
  });

  it('puts the mail app chosen in the guided questions first in the fixes when the text names none', async () => {
    const plain = await buildAnswer({ kind: 'guided_answer', errorText: 'my emails disappear from the server after they are downloaded', address: '', client: null, device: null }, context);
    const outlook = await buildAnswer({ kind: 'guided_answer', errorText: 'my emails disappear from the server after they are downloaded', address: '', client: 'outlook', device: null }, context);
    expect(outlook.diagnosis?.extracted.client).toBe('outlook');
    expect(outlook.diagnosis?.causes[0]?.fixes[0]).toMatch(/Outlook/);
    expect(outlook.diagnosis?.causes[0]?.fixes).not.toEqual(plain.diagnosis?.causes[0]?.fixes);
  });

  it('answers settings offline, explanations, help, and problems in words', async () => {
    const gmail = await buildAnswer({ kind: 'settings', input: 'someone@gmail.com', offline: true }, context);
    expect(gmail.settings?.incoming[0]?.host).toBe('imap.gmail.com');
    expect(gmail.followUps).toContainEqual({ kind: 'link', label: expect.stringMatching(/help$/), url: expect.stringMatching(/^https:\/\/support\.google\.com\//) });
    expect((await buildAnswer({ kind: 'explain', topic: 'pop' }, context)).explanation?.topic).toBe('pop-vs-imap');
    expect((await buildAnswer({ kind: 'explain', topic: 'nonsense' }, context)).problem).toMatch(/no topic/);
    expect((await buildAnswer({ kind: 'settings', input: 'not a domain', offline: true }, context)).problem).toMatch(/domain/);
    expect((await buildAnswer({ kind: 'help', topic: null }, context)).help?.title).toMatch(/emailhelp/);
    expect((await buildAnswer({ kind: 'guided_answer', errorText: ' ', address: '', client: null, device: null }, context)).problem).toMatch(/error message/);
  });

  it('offers the login test only when it is enabled', async () => {
    const off = await buildAnswer({ kind: 'settings', input: 'gmail.com', offline: true }, context);
    const on = await buildAnswer({ kind: 'settings', input: 'gmail.com', offline: true }, { ...context, config: { ...context.config, allowLoginTest: true } });
    expect(off.followUps.some((f) => f.kind === 'login')).toBe(false);
    expect(on.followUps).toContainEqual(expect.objectContaining({ kind: 'login', host: 'imap.gmail.com', protocol: 'imap', port: 993 }));
  });

  it('writes help for the surface it is shown on', () => {
    expect(JSON.stringify(helpPage('/emailhelp'))).toContain('/emailhelp probe imap.example.com');
    expect(JSON.stringify(helpPage(''))).toContain('/emailhelp alone');
  });
});
