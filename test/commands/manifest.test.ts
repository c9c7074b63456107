import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../src/commands/index.js';

/**
 * manifest.yml is what an admin pastes into Slack to create the app: it must be valid against
 * Slack's published schema (a copy in test/fixtures/slack, see its SOURCE.md), and every command,
 * shortcut and event it declares must have exactly one handler, and no handler may be orphaned.
 */

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
  features: { slash_commands: { command: string }[]; shortcuts: { callback_id: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; socket_mode_enabled: boolean; interactivity: { is_enabled: boolean } };
};
const schema = JSON.parse(readFileSync(new URL('../fixtures/slack/manifest.schema.json', import.meta.url), 'utf8')) as object;

function handlers(kind: string): string[] {
  return SURFACES.filter((s) => s.kind === kind).map((s) => s.id);
}

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema", () => {
    // strict: false because the schema uses a non-standard "regex" keyword.
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('fails validation when a required field is missing (the check can fail)', () => {
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    const broken = structuredClone(manifest) as Record<string, unknown>;
    delete broken.display_information;
    expect(validate(broken)).toBe(false);
  });

  it('has exactly one handler per command, shortcut and event, and nothing unlisted', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(handlers('command').sort());
    expect(manifest.features.shortcuts.map((s) => s.callback_id).sort()).toEqual(handlers('shortcut').sort());
    expect(manifest.settings.event_subscriptions.bot_events.slice().sort()).toEqual(handlers('event').sort());
    const ids = SURFACES.map((s) => `${s.kind}:${s.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks for the smallest set of bot scopes that works, with Socket Mode and interactivity on', () => {
    expect(manifest.oauth_config.scopes.bot.slice().sort()).toEqual(['app_mentions:read', 'chat:write', 'commands']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
