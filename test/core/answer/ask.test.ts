import { describe, expect, it } from 'vitest';
import { AskError, parseAsk, type Ask } from '../../../src/core/answer/index.js';

describe('parseAsk: what follows /emailhelp', () => {
  const cases: [string, Ask][] = [
    ['', { kind: 'guided' }],
    ['   ', { kind: 'guided' }],
    ['someone@gmail.com', { kind: 'settings', input: 'someone@gmail.com', offline: false }],
    ['example.co.uk', { kind: 'settings', input: 'example.co.uk', offline: false }],
    ['settings example.com --offline', { kind: 'settings', input: 'example.com', offline: true }],
    ['SETTINGS bob@example.org', { kind: 'settings', input: 'bob@example.org', offline: false }],
    ['probe imap.example.com', { kind: 'probe', input: 'imap.example.com' }],
    ['probe --protocol all mail.example.com', { kind: 'probe', input: 'mail.example.com', protocol: 'all' }],
    ['probe imap.example.com --port=10993 --protocol IMAP', { kind: 'probe', input: 'imap.example.com', port: 10993, protocol: 'imap' }],
    ['explain pop-vs-imap', { kind: 'explain', topic: 'pop-vs-imap' }],
    ['help', { kind: 'help', topic: null }],
    ['help probe', { kind: 'help', topic: 'probe' }],
    ['diagnose   Authentication failed', { kind: 'diagnose', text: 'Authentication failed' }],
    ['Cannot connect to server imap.example.com', { kind: 'diagnose', text: 'Cannot connect to server imap.example.com' }],
    ['0x800CCC0E', { kind: 'diagnose', text: '0x800CCC0E' }],
    ['my emails disappear from my phone', { kind: 'diagnose', text: 'my emails disappear from my phone' }],
  ];
  it.each(cases)('%j', (line, expected) => {
    expect(parseAsk(line)).toEqual(expected);
  });

  const problems: [string, RegExp][] = [
    ['diagnose', /needs the error text/],
    ['settings', /needs an email address/],
    ['settings a.com b.com', /one email address/],
    ['settings a.com --json', /unknown option --json/],
    ['probe', /needs a server name/],
    ['probe --port 70000 imap.example.com', /port number from 1 to 65535/],
    ['probe --protocol ftp imap.example.com', /--protocol must be/],
    ['probe --port', /--port needs a value/],
    ['explain', /needs a topic/],
  ];
  it.each(problems)('%j is a usage problem', (line, message) => {
    expect(() => parseAsk(line)).toThrow(AskError);
    expect(() => parseAsk(line)).toThrow(message);
  });
});
