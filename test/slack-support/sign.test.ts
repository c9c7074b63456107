import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { appMentionEvent, blockAction, messageShortcut, signedRequest, slashCommand, viewSubmission } from '../support/slack/index.js';

describe('signedRequest', () => {
  it("reproduces the example in Slack's 'Verifying requests from Slack' guide", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
      '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com' +
      '%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signedRequest('8f742231b10e8888abcd99yyyzzz85a5', body, { timestamp: 1531420618 })).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it("passes Bolt's own verifier", () => {
    const body = JSON.stringify({ hello: 'world' });
    const signed = signedRequest('secret', body);
    // Bolt's verifier takes the timestamp as a number (it parses the header itself in its receivers).
    const headers = { ...signed, 'x-slack-request-timestamp': Number(signed['x-slack-request-timestamp']) };
    expect(() => verifySlackRequest({ signingSecret: 'secret', body, headers })).not.toThrow();
    expect(() => verifySlackRequest({ signingSecret: 'other', body, headers })).toThrow();
  });
});

describe('payload builders', () => {
  // Field names follow slack-facts.md §4; a misspelt one would silently never reach the app's listener.
  it.each([
    ['slash command', slashCommand({ text: 'x' }), ['team_id', 'channel_id', 'user_id', 'command', 'text', 'api_app_id', 'response_url', 'trigger_id']],
    ['block_actions', blockAction({ action_id: 'a' }), ['type', 'user', 'container', 'trigger_id', 'team', 'channel', 'message', 'response_url', 'actions']],
    ['view_submission', viewSubmission({ callback_id: 'c' }), ['type', 'team', 'user', 'view', 'response_urls', 'trigger_id']],
    ['message_action', messageShortcut({ callback_id: 'c', text: 't' }), ['type', 'callback_id', 'channel', 'message', 'message_ts', 'response_url', 'trigger_id']],
    ['event_callback', appMentionEvent({ text: 't' }), ['type', 'event', 'event_id', 'event_time', 'authorizations', 'api_app_id', 'team_id']],
  ])('builds a %s with the fields Slack sends', (_name, payload, fields) => {
    for (const field of fields) expect(payload).toHaveProperty(field);
  });

  it('puts submitted values where Bolt listeners read them and leaves channel and response_url out', () => {
    const payload = viewSubmission({ callback_id: 'diagnose', values: { error_block: { error: 'AUTHENTICATIONFAILED' } }, private_metadata: '{"channel":"C1"}' });
    expect(payload.view).toMatchObject({ callback_id: 'diagnose', private_metadata: '{"channel":"C1"}', state: { values: { error_block: { error: { type: 'plain_text_input', value: 'AUTHENTICATIONFAILED' } } } } });
    expect(payload).not.toHaveProperty('channel');
    expect(payload).not.toHaveProperty('response_url');
  });
});
