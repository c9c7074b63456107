import { describe, expect, it } from 'vitest';
import { followChoice } from '../../src/console/choices.js';
import { choicesFor } from '../../src/terminal/answer-text.js';

/** What typing a number does, for each kind of follow-up. */

const choices = choicesFor([
  { kind: 'ask', label: 'Probe imap.example.com', ask: { kind: 'probe', input: 'imap.example.com' } },
  { kind: 'login', label: 'Test login at imap.example.com', host: 'imap.example.com', protocol: 'imap', port: 993 },
  { kind: 'feedback', causeId: 'auth_failed' },
]);

describe('followChoice', () => {
  it('numbers the asks first, then Fixed it / Not fixed; the login test is no choice', () => {
    expect(choices.map((c) => `${c.n} ${c.label}`)).toEqual(['1 Probe imap.example.com', '2 Fixed it', '3 Not fixed']);
  });

  it('an ask runs its request', () => {
    expect(followChoice(1, choices)).toEqual({ kind: 'ask', ask: { kind: 'probe', input: 'imap.example.com' } });
  });

  it('feedback is answered at once', () => {
    expect(followChoice(2, choices)).toEqual({ kind: 'say', text: 'Glad that fixed it.' });
    expect(followChoice(3, choices)).toMatchObject({ kind: 'say', text: expect.stringMatching(/^Sorry that did not fix it\. Look at "Also possible"/) });
  });

  it('a number that is not there says which are', () => {
    expect(followChoice(4, choices)).toEqual({ kind: 'bad', message: 'There is no choice 4: choose 1 to 3 under the last answer, or type a question.' });
    expect(followChoice(1, [])).toMatchObject({ kind: 'bad', message: expect.stringMatching(/^There is nothing numbered/) });
  });
});
