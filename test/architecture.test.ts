import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Imports go one way (STYLE.md): commands → core → {probes, content}; cli/terminal → core;
 * probes and content import nothing else from src; core never imports Slack.
 */
const SRC = fileURLToPath(new URL('../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
}

function layerOf(path: string): string {
  return relative(SRC, path).split('/')[0] ?? '';
}

describe('architecture', () => {
  const all = files(SRC);

  it.each([
    ['content', ['content']],
    ['probes', ['probes']],
    // secret.ts is the one wrapper for passwords and tokens, used wherever one enters.
    ['core', ['core', 'content', 'probes', 'secret.js']],
    // Slack surfaces use the brain and the ids of the knowledge (cause and client ids), never a probe directly.
    ['commands', ['commands', 'core', 'content', 'config.js', 'secret.js']],
  ])('%s imports only from %o inside src', (layer, allowed) => {
    const offenders: string[] = [];
    for (const file of all.filter((f) => layerOf(f) === layer)) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, join(file, '..', spec));
        const targetLayer = target.split('/')[0] ?? '';
        if (!allowed.includes(targetLayer)) offenders.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only the Slack layer (app.ts and commands) imports Slack', () => {
    const slackLayers = ['commands', 'app.ts'];
    const offenders = all.filter((f) => !slackLayers.includes(layerOf(f)) && imports(f).some((s) => s.startsWith('@slack/')));
    expect(offenders).toEqual([]);
  });

  it('finds the source files it checks', () => {
    expect(all.filter((f) => layerOf(f) === 'core').length).toBeGreaterThan(3);
    expect(all.filter((f) => layerOf(f) === 'content').length).toBeGreaterThan(3);
  });
});
