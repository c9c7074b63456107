import { describe, expect, it } from 'vitest';
import { readRequest, type ConsoleRequest } from '../../src/console/request-line.js';

/** A console line is what one types after /emailhelp in Slack, plus numbers and quit. */

describe('readRequest', () => {
  const cases: [string, ConsoleRequest][] = [
    ['', { kind: 'blank' }],
    [' \t ', { kind: 'blank' }],
    ['/emailhelp', { kind: 'guided' }],
    ['  /EmailHelp  ', { kind: 'guided' }],
    ['quit', { kind: 'quit' }],
    ['Exit', { kind: 'quit' }],
    ['/emailhelp quit', { kind: 'quit' }],
    ['2', { kind: 'choice', n: 2 }],
    ['2.', { kind: 'choice', n: 2 }],
    ['/emailhelp settings someone@gmail.com', { kind: 'ask', ask: { kind: 'settings', input: 'someone@gmail.com', offline: false } }],
    // A command copied from the command line works too.
    ['emailhelp explain leave-on-server', { kind: 'ask', ask: { kind: 'explain', topic: 'leave-on-server' } }],
    // …but an address that starts with the word is still an address.
    ['emailhelp@example.com', { kind: 'ask', ask: { kind: 'settings', input: 'emailhelp@example.com', offline: false } }],
    ['probe 127.0.0.2 --port 10993 --protocol imap', { kind: 'ask', ask: { kind: 'probe', input: '127.0.0.2', port: 10993, protocol: 'imap' } }],
    ['Authentication failed\nfor user bob', { kind: 'ask', ask: { kind: 'diagnose', text: 'Authentication failed\nfor user bob' } }],
    ['help', { kind: 'ask', ask: { kind: 'help', topic: null } }],
    ['settings', { kind: 'bad', message: 'settings needs an email address or a domain, e.g. settings someone@example.com' }],
  ];
  it.each(cases)('%j', (line, expected) => {
    expect(readRequest(line)).toEqual(expected);
  });
});
