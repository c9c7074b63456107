import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../src/commands/blocks/answer-blocks.js';
import { homeView } from '../../src/commands/home/home-view.js';
import { guidedModal } from '../../src/commands/views/guided-modal.js';
import { loginModal, loginResultBlocks } from '../../src/commands/views/login-test-modal.js';
import { buildAnswer, emptyAnswer, type Answer, type AnswerContext } from '../../src/core/answer/index.js';
import type { LoginReport } from '../../src/core/login/index.js';
import type { ProbeReport } from '../../src/core/probe/index.js';
import { blockKitProblems, unescapedUserMarkup } from '../support/slack/index.js';

/**
 * The one Block Kit renderer, without Slack: real answers and deliberately oversized, hostile ones
 * must all come out within Block Kit's limits, with every piece of outside text escaped.
 */

const context: AnswerContext = {
  config: { probeTimeoutMs: 1000, probeAllowNetworks: [], dnsServers: [], allowLoginTest: true },
  command: '/emailhelp',
  guardProbe: async () => ({ refused: 'no probes here' }),
};

const HOSTILE = '<!channel> <!here> <@U0VICTIM> <#C0SECRET> <!subteam^S123> <http://evil.example|click here> & ';

function hugeProbe(): ProbeReport {
  const check = (i: number) => ({
    host: `${HOSTILE}imap${i}.example.com`,
    protocol: 'imap' as const,
    port: 993,
    security: 'tls' as const,
    address: '203.0.113.7',
    status: 'fail' as const,
    failedStage: 'tls' as const,
    error: { code: `ERR_${HOSTILE}`, message: HOSTILE.repeat(200) },
    tls: null,
    greeting: HOSTILE.repeat(50),
    capabilities: [],
    authMechanisms: [],
    starttls: null,
    timingsMs: { total: 12 },
    warnings: [HOSTILE.repeat(30)],
    causes: [],
  });
  return { target: `${HOSTILE}example.com`, addresses: ['203.0.113.7'], checks: Array.from({ length: 60 }, (_, i) => check(i)), causes: ['certificate_problem'], summary: HOSTILE.repeat(500) };
}

describe('answerMessage', () => {
  it.each([
    ['a diagnosis with hostile text', { kind: 'diagnose', text: `Outlook 0x800CCC0E ${HOSTILE} cannot connect to imap.example.com:993` }],
    ['a huge paste', { kind: 'diagnose', text: `${HOSTILE}Authentication failed `.repeat(20_000) }],
    ['settings with every caveat', { kind: 'settings', input: 'someone@gmail.com', offline: true }],
    ['an explanation', { kind: 'explain', topic: 'pop-vs-imap' }],
    ['help', { kind: 'help', topic: null }],
    ['a usage problem with hostile input', { kind: 'explain', topic: HOSTILE }],
  ] as const)('%s stays within the limits and escapes outside text', async (_name, ask) => {
    const message = answerMessage(await buildAnswer(ask, context), { shareId: '00000000-0000-4000-8000-000000000000' });
    expect(blockKitProblems(message, 'message')).toEqual([]);
    expect(unescapedUserMarkup(message)).toEqual([]);
  });

  it('cuts an answer far beyond every limit down to a valid message that says so', () => {
    const answer: Answer = { ...emptyAnswer('probe', null), probe: hugeProbe() };
    answer.followUps = Array.from({ length: 40 }, (_, i) => ({ kind: 'ask' as const, label: `${HOSTILE}${i}`.repeat(10), ask: { kind: 'help' as const, topic: null } }));
    const message = answerMessage(answer, { shareId: 'x' });
    expect(blockKitProblems(message, 'message')).toEqual([]);
    expect(unescapedUserMarkup(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('…');
  });

  it('the modals and the Home tab are valid views', () => {
    expect(blockKitProblems({ view: guidedModal({ channelId: 'C0HELPDESK' }) }, 'modal')).toEqual([]);
    expect(blockKitProblems({ view: loginModal({ host: 'imap.example.com', protocol: 'imap', port: 993 }) }, 'modal')).toEqual([]);
    expect(blockKitProblems({ view: homeView() }, 'home')).toEqual([]);
  });

  it('a login result escapes the server reply', () => {
    const report = { loginTest: true, target: 'imap.example.com', input: 'imap.example.com', address: '203.0.113.7', protocol: 'imap', port: 993, security: 'tls', user: `bob${HOSTILE}`, outcome: 'refused', passwordSent: true, stage: 'auth', serverReply: `NO ${HOSTILE}`.repeat(50), responseCode: 'AUTHENTICATIONFAILED', error: null, causes: ['auth_failed'], summary: HOSTILE, commands: ['LOGIN'], timingsMs: { total: 40 } } as unknown as LoginReport;
    const view = { type: 'modal', title: { type: 'plain_text', text: 'Test login' }, blocks: loginResultBlocks(report) };
    expect(blockKitProblems({ view }, 'modal')).toEqual([]);
    expect(unescapedUserMarkup(view)).toEqual([]);
  });
});
