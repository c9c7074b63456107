import { describe, expect, it } from 'vitest';
import { assertBlockKit, blockKitProblems, unescapedUserMarkup, type Surface } from '../support/slack/block-kit.js';

/* The Block Kit checker: each limit of slack-facts.md §5 is flagged, and a payload inside all of them passes. */

const x = (n: number) => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const button = (extra: object = {}) => ({ type: 'button', action_id: 'b', text: plain('Go'), value: 'v', ...extra });
const actions = (...elements: object[]) => ({ type: 'actions', elements });
const message = (...blocks: object[]) => ({ text: 'fallback', blocks });
const modal = (extra: object = {}, ...blocks: object[]) => ({ type: 'modal', title: plain('emailhelp'), submit: plain('Diagnose'), close: plain('Cancel'), blocks, ...extra });
const input = (element: object = { type: 'plain_text_input', action_id: 'error', multiline: true, max_length: 3000 }) => ({
  type: 'input',
  block_id: 'error_block',
  label: plain('Error message'),
  element,
});
const option = (text: string, value = 'v') => ({ text: plain(text), value });

/** A payload near every limit but inside all of them. */
const validMessage = {
  text: x(40_000),
  blocks: [
    { type: 'header', text: plain(x(150)) },
    { type: 'section', block_id: x(255), text: mrkdwn(x(3000)), fields: Array.from({ length: 10 }, () => mrkdwn(x(2000))), accessory: button() },
    { type: 'context', elements: [...Array.from({ length: 9 }, () => mrkdwn('c')), { type: 'image', image_url: 'https://example.com/i.png', alt_text: 'i' }] },
    actions(...Array.from({ length: 25 }, (_, i) => button({ action_id: `a${i}`, text: plain(x(75)), value: x(2000), url: `https://e.com/${x(2980)}` }))),
    actions({ type: 'overflow', action_id: 'o', options: [option(x(75), x(75)), option('b')] }, { type: 'static_select', action_id: 's', placeholder: plain(x(150)), options: [option('a')] }),
    { type: 'divider' },
    { type: 'markdown', text: x(12_000) },
    ...Array.from({ length: 43 }, () => ({ type: 'divider' })),
  ],
};
const validModal = modal({ private_metadata: x(3000), title: plain(x(24)), submit: plain(x(24)), close: plain(x(24)) }, input(), ...Array.from({ length: 99 }, () => ({ type: 'divider' })));

type Case = [name: string, surface: Surface, payload: unknown, expected: string];

const cases: Case[] = [
  ['51 blocks in a message', 'message', message(...Array.from({ length: 51 }, () => ({ type: 'divider' }))), 'blocks: 51 blocks > 50'],
  ['101 blocks in a modal', 'modal', modal({}, ...Array.from({ length: 101 }, () => ({ type: 'divider' }))), 'blocks: 101 blocks > 100'],
  ['101 blocks on Home', 'home', { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }, 'blocks: 101 blocks > 100'],
  ['no fallback text', 'message', { blocks: [section('hi')] }, 'text: missing fallback text'],
  ['fallback text over 40000', 'message', { text: x(40_001) }, 'text: 40001 chars > 40000'],
  ['section text over 3000', 'message', message(section(x(3001))), 'blocks[0].text.text: 3001 chars > 3000'],
  ['empty section text', 'message', message(section('')), 'blocks[0].text.text: empty text'],
  ['section with neither text nor fields', 'message', message({ type: 'section' }), 'blocks[0]: section needs text or fields'],
  ['11 section fields', 'message', message({ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }), 'blocks[0].fields: 11 fields > 10'],
  ['section field over 2000', 'message', message({ type: 'section', fields: [mrkdwn(x(2001))] }), 'blocks[0].fields[0].text: 2001 chars > 2000'],
  ['header over 150', 'message', message({ type: 'header', text: plain(x(151)) }), 'blocks[0].text.text: 151 chars > 150'],
  ['mrkdwn header', 'message', message({ type: 'header', text: mrkdwn('h') }), 'blocks[0].text.type: must be plain_text'],
  ['11 context elements', 'message', message({ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }), 'blocks[0].elements: 11 items > 10'],
  ['a button in a context block', 'message', message({ type: 'context', elements: [button()] }), 'blocks[0].elements[0]: context elements are image, plain_text or mrkdwn only'],
  ['26 actions elements', 'message', message(actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })))), 'blocks[0].elements: 26 items > 25'],
  ['button text over 75', 'message', message(actions(button({ text: plain(x(76)) }))), 'blocks[0].elements[0].text.text: 76 chars > 75'],
  ['button value over 2000', 'message', message(actions(button({ value: x(2001) }))), 'blocks[0].elements[0].value: 2001 chars > 2000'],
  ['button url over 3000', 'message', message(actions(button({ url: x(3001) }))), 'blocks[0].elements[0].url: 3001 chars > 3000'],
  ['action_id over 255', 'message', message(actions(button({ action_id: x(256) }))), 'blocks[0].elements[0].action_id: 256 chars > 255'],
  ['button style other than primary/danger', 'message', message(actions(button({ style: 'secondary' }))), 'blocks[0].elements[0].style: style must be primary or danger'],
  ['duplicate action_id in one block', 'message', message(actions(button(), button())), 'blocks[0].elements[1].action_id: duplicate action_id "b"'],
  ['duplicate block_id', 'message', message({ ...section('a'), block_id: 'same' }, { ...section('b'), block_id: 'same' }), 'blocks[1].block_id: duplicate block_id "same"'],
  ['block_id over 255', 'message', message({ ...section('a'), block_id: x(256) }), 'blocks[0].block_id: 256 chars > 255'],
  ['emoji on mrkdwn', 'message', message({ type: 'section', text: { ...mrkdwn('a'), emoji: true } }), 'blocks[0].text.emoji: emoji is only allowed on plain_text'],
  ['verbatim on plain_text', 'message', message({ type: 'section', text: { ...plain('a'), verbatim: true } }), 'blocks[0].text.verbatim: verbatim is only allowed on mrkdwn'],
  ['option text over 75', 'message', message(actions({ type: 'static_select', action_id: 's', options: [option(x(76))] })), 'blocks[0].elements[0].options[0].text.text: 76 chars > 75'],
  ['option value over 75', 'message', message(actions({ type: 'static_select', action_id: 's', options: [option('a', x(76))] })), 'blocks[0].elements[0].options[0].value: 76 chars > 75'],
  ['overflow with one option', 'message', message(actions({ type: 'overflow', action_id: 'o', options: [option('a')] })), 'blocks[0].elements[0].options: 1 items < 2'],
  ['placeholder over 150', 'message', message(actions({ type: 'static_select', action_id: 's', placeholder: plain(x(151)), options: [option('a')] })), 'blocks[0].elements[0].placeholder.text: 151 chars > 150'],
  ['confirm title over 100', 'message', message(actions(button({ confirm: { title: plain(x(101)), text: plain('t'), confirm: plain('Yes'), deny: plain('No') } }))), 'blocks[0].elements[0].confirm.title.text: 101 chars > 100'],
  ['image without alt_text', 'message', message({ type: 'image', image_url: 'https://example.com/i.png' }), 'blocks[0].alt_text: missing'],
  ['markdown blocks over 12000 together', 'message', message({ type: 'markdown', text: x(6001) }, { type: 'markdown', text: x(6000) }), 'blocks: 12001 markdown chars > 12000'],
  ['unknown block type', 'message', message({ type: 'sectoin', text: mrkdwn('typo') }), 'blocks[0].type: unknown block type "sectoin"'],
  ['modal title over 24', 'modal', modal({ title: plain(x(25)) }), 'title.text: 25 chars > 24'],
  ['modal without title', 'modal', modal({ title: undefined }), 'title: missing'],
  ['modal submit over 24', 'modal', modal({ submit: plain(x(25)) }), 'submit.text: 25 chars > 24'],
  ['modal close over 24', 'modal', modal({ close: plain(x(25)) }), 'close.text: 25 chars > 24'],
  ['input modal without submit', 'modal', modal({ submit: undefined }, input()), 'submit: missing (a modal with input blocks needs submit)'],
  ['private_metadata over 3000', 'modal', modal({ private_metadata: x(3001) }), 'private_metadata: 3001 chars > 3000'],
  ['input label over 2000', 'modal', modal({}, { ...input(), label: plain(x(2001)) }), 'blocks[0].label.text: 2001 chars > 2000'],
  ['plain_text_input max_length over 3000', 'modal', modal({}, input({ type: 'plain_text_input', action_id: 'e', max_length: 3001 })), 'blocks[0].element.max_length: 3001 not in 0–3000'],
  ['a message passed as a modal', 'modal', message(section('a')), 'type: expected modal, got undefined'],
  ['a views.open body with a bad view', 'modal', { trigger_id: 't', view: modal({ title: plain(x(25)) }) }, 'view.title.text: 25 chars > 24'],
];

describe('blockKitProblems', () => {
  it.each(cases)('flags %s', (_name, surface, payload, expected) => {
    const problems = blockKitProblems(payload, surface);
    expect(problems.some((problem) => problem.startsWith(expected)), `expected "${expected}" among:\n${problems.join('\n')}`).toBe(true);
  });

  it.each([
    ['message', validMessage],
    ['modal', validModal],
    ['home', { type: 'home', blocks: [section('Home'), actions(button())] }],
    ['message', { delete_original: true }],
  ] as [Surface, unknown][])('passes a %s payload that stays inside every limit', (surface, payload) => {
    expect(blockKitProblems(payload, surface)).toEqual([]);
    expect(() => assertBlockKit(payload, surface)).not.toThrow();
  });

  it('lists every problem in the error assertBlockKit throws', () => {
    expect(() => assertBlockKit(message(section(x(3001)), { type: 'header', text: plain(x(151)) }), 'message')).toThrow(/3001 chars > 3000[\s\S]*151 chars > 150/);
  });
});

describe('unescapedUserMarkup', () => {
  it.each([
    ['<!channel>', '<!channel>'],
    ['<!here>', '<!here>'],
    ['<!everyone>', '<!everyone>'],
    ['a user mention', 'ping <@U0ABCDEF1> now'],
    ['a labelled user mention', '<@U0ABCDEF1|alice>'],
    ['a channel link', '<#C0ABCDEF1|general>'],
    ['a user group', '<!subteam^S0ABCDEF1|@support>'],
    ['a hidden link', '<https://evil.example/login|Reset your password>'],
  ])('finds %s in a section', (_name, text) => {
    expect(unescapedUserMarkup(message(section(`User wrote: ${text}`)))).toHaveLength(1);
  });

  it('finds markup in the fallback text, in plain_text and in modal titles, with the path', () => {
    expect(unescapedUserMarkup({ text: 'hi <!here>', blocks: [{ type: 'header', text: plain('<@U0ABCDEF1>') }] })).toEqual(['text: <!here>', 'blocks[0].text.text: <@U0ABCDEF1>']);
  });

  it('accepts escaped user text, the app’s own allowed links, and ignores ids and values', () => {
    const payload = {
      text: 'User wrote: &lt;!here&gt; &lt;@U0ABCDEF1&gt; &amp;',
      blocks: [
        section('See <https://support.google.com/mail/answer/7126229|Google help>'),
        actions(button({ value: '<!here>', action_id: 'x' })),
        { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '<!here> shown literally' }] }] },
      ],
    };
    expect(unescapedUserMarkup(payload, [/^<https:\/\/support\.google\.com\//])).toEqual([]);
    expect(unescapedUserMarkup(payload)).toEqual(['blocks[0].text.text: <https://support.google.com/mail/answer/7126229|Google help>']);
  });
});
