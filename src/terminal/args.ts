/**
 * The command line, parsed without side effects: argv in, a request or a usage error out.
 * Exit codes and behaviour follow ../shared/spec/interface.md ("Command line").
 */

export type CommandName = 'diagnose' | 'explain' | 'settings' | 'probe' | 'help';

export const COMMANDS: readonly CommandName[] = ['diagnose', 'explain', 'settings', 'probe', 'help'];

export interface CliRequest {
  command: CommandName;
  json: boolean;
  /** Positional words after the command; for diagnose, `-` means stdin. */
  args: string[];
  /** Options with a value (`--protocol imap`, `--port=993`), by name. */
  options: Record<string, string>;
  /** Flags given besides --json (`--offline`); absent when there are none. */
  flags?: string[];
}

/** The options that take a value, and the commands they belong to. */
const VALUE_OPTIONS: Record<string, CommandName[]> = {
  protocol: ['probe'],
  port: ['probe'],
  /** The user name of the opt-in login test; its password never comes from argv. */
  login: ['probe'],
};

/** The options that take no value, and the commands they belong to. */
const FLAG_OPTIONS: Record<string, CommandName[]> = {
  offline: ['settings'],
};

export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(
    message: string,
    readonly command: CommandName | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[]): CliRequest {
  let json = false;
  let help = false;
  const words: string[] = [];
  const options: Record<string, string> = {};
  const flags: string[] = [];
  let onlyPositional = false;
  const commandSoFar = () => (COMMANDS.includes(words[0] as CommandName) ? (words[0] as CommandName) : null);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPositional) {
      words.push(arg);
    } else if (arg === '--') {
      onlyPositional = true;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg.startsWith('--') && Object.hasOwn(VALUE_OPTIONS, arg.slice(2).split('=')[0] ?? '')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`, commandSoFar());
      options[name] = value;
    } else if (arg.startsWith('--') && Object.hasOwn(FLAG_OPTIONS, arg.slice(2))) {
      if (!flags.includes(arg.slice(2))) flags.push(arg.slice(2));
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`, commandSoFar());
    } else {
      words.push(arg);
    }
  }
  const [first, ...rest] = words;
  if (first === undefined) return { command: 'help', json, args: [], options };
  if (!COMMANDS.includes(first as CommandName)) {
    throw new UsageError(`unknown command ${JSON.stringify(first)}: the commands are ${COMMANDS.join(', ')}`);
  }
  const command = first as CommandName;
  for (const name of Object.keys(options)) {
    if (!VALUE_OPTIONS[name]?.includes(command)) throw new UsageError(`--${name} does not apply to ${command}`, command);
  }
  for (const name of flags) {
    if (!FLAG_OPTIONS[name]?.includes(command)) throw new UsageError(`--${name} does not apply to ${command}`, command);
  }
  if (help) return { command: 'help', json, args: [command], options: {} };
  return flags.length > 0 ? { command, json, args: rest, options, flags } : { command, json, args: rest, options };
}
