/**
 * The command line, parsed without side effects: argv in, a request or a usage error out.
 * Exit codes and behaviour follow ../shared/spec/interface.md ("Command line").
 */

export type CommandName = 'diagnose' | 'explain' | 'help';

export const COMMANDS: readonly CommandName[] = ['diagnose', 'explain', 'help'];

export interface CliRequest {
  command: CommandName;
  json: boolean;
  /** Positional words after the command; for diagnose, `-` means stdin. */
  args: string[];
}

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
  let onlyPositional = false;
  for (const arg of argv) {
    if (onlyPositional) {
      words.push(arg);
    } else if (arg === '--') {
      onlyPositional = true;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      const command = words[0] as CommandName | undefined;
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`, COMMANDS.includes(command as CommandName) ? (command ?? null) : null);
    } else {
      words.push(arg);
    }
  }
  const [first, ...rest] = words;
  if (first === undefined) return { command: 'help', json, args: [] };
  if (!COMMANDS.includes(first as CommandName)) {
    throw new UsageError(`unknown command ${JSON.stringify(first)}: the commands are ${COMMANDS.join(', ')}`);
  }
  const command = first as CommandName;
  if (help) return { command: 'help', json, args: [command] };
  return { command, json, args: rest };
}
