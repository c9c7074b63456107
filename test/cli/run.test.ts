import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/terminal/args.js';
import { defaultConfig } from '../../src/load-config.js';
import { runCli, type CliIo } from '../../src/terminal/run.js';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    readStdin: async () => stdin,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    config: defaultConfig(),
  };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

describe('parseArgs', () => {
  it.each([
    [[], { command: 'help', json: false, args: [], options: {} }],
    [['diagnose', '--json', 'a', 'b'], { command: 'diagnose', json: true, args: ['a', 'b'], options: {} }],
    [['--json', 'diagnose', '-'], { command: 'diagnose', json: true, args: ['-'], options: {} }],
    [['explain', 'pop-vs-imap'], { command: 'explain', json: false, args: ['pop-vs-imap'], options: {} }],
    [['diagnose', '--help'], { command: 'help', json: false, args: ['diagnose'], options: {} }],
    [['diagnose', '--', '--json'], { command: 'diagnose', json: false, args: ['--json'], options: {} }],
    [['probe', '--protocol', 'all', '--port=587', 'mail.example.com'], { command: 'probe', json: false, args: ['mail.example.com'], options: { protocol: 'all', port: '587' } }],
  ])('%o', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([[['frobnicate']], [['diagnose', '--verbose']], [['settings', '--port', '993', 'x@example.com']], [['diagnose', '--port', '993', 'x']], [['probe', '--port']]])(
    'rejects %o',
    (argv) => {
      expect(() => parseArgs(argv)).toThrow(UsageError);
    },
  );
});

describe('runCli', () => {
  it('diagnose --json prints one JSON document in the shape of the spec', async () => {
    const t = io();
    const code = await runCli(['diagnose', '--json', 'Outlook', '0x800CCC92:', 'Your e-mail server rejected your login.'], t.cli);
    expect(code).toBe(0);
    const doc = JSON.parse(t.out()) as { causes: { id: string; confidence: number }[]; extracted: Record<string, unknown> };
    expect(doc.causes[0]?.id).toBe('auth_failed');
    expect(doc.extracted).toMatchObject({ code: '0x800CCC92', codes: ['0x800CCC92'], client: 'outlook' });
    expect(t.err()).toBe('');
  });

  it('diagnose - reads stdin', async () => {
    const t = io('Error: connect ECONNREFUSED 198.51.100.4:995\n');
    expect(await runCli(['diagnose', '-'], t.cli)).toBe(0);
    expect(t.out()).toMatch(/Most likely: .*\[connection_refused/);
    expect(t.out()).toMatch(/What to do:\n {2}1\. /);
  });

  it.each([
    [['diagnose'], /needs the error text/],
    [['diagnose', '   '], /empty/],
    [['explain'], /needs a topic/],
    [['explain', 'quantum'], /no topic "quantum"/],
    [['help', 'nothing'], /no help for "nothing"/],
    [['what'], /unknown command "what"/],
  ])('%o is a usage error: exit 2, one clear line', async (argv, message) => {
    const t = io();
    expect(await runCli(argv, t.cli)).toBe(2);
    expect(t.out()).toBe('');
    const [first] = t.err().split('\n');
    expect(first).toMatch(message);
    expect(first).toMatch(/^emailhelp: /);
    expect(t.err()).not.toMatch(/\n\s+at /);
  });

  it('empty stdin is a usage error', async () => {
    const t = io('');
    expect(await runCli(['diagnose', '-'], t.cli)).toBe(2);
  });

  it('explain finds topics by id and by what users type', async () => {
    for (const [name, id] of [['pop-vs-imap', 'pop-vs-imap'], ['POP3', 'pop-vs-imap'], ['ports', 'ports'], ['starttls', 'encryption'], ['app password', 'app-passwords'], ['leave a copy', 'leave-on-server']] as const) {
      const t = io();
      expect(await runCli(['explain', '--json', ...name.split(' ')], t.cli)).toBe(0);
      const doc = JSON.parse(t.out()) as { topic: string; title: string; text: string };
      expect(doc.topic).toBe(id);
      expect(doc.text.length).toBeGreaterThan(200);
    }
  });

  it('help lists only the commands that exist', async () => {
    const t = io();
    expect(await runCli([], t.cli)).toBe(0);
    expect(t.out()).toContain('emailhelp diagnose');
    expect(t.out()).toContain('emailhelp explain');
    expect(t.out()).toContain('emailhelp probe');
    expect(t.out()).toContain('emailhelp settings');
  });
});
