import { spawn } from 'node:child_process';

/**
 * A program in a real pseudo-terminal, driven like a person at a keyboard. node-pty is not a
 * dependency; Python's standard `pty` module is on every machine this project runs on (Debian's
 * Node image has python3 for node-gyp; .ci/run's machine too). The relay below gives the program
 * a terminal of 100×40 on its stdin/stdout/stderr, copies our writes to it as keystrokes, copies
 * what it shows back to us, and exits with the program's exit status (128 + N, as a shell says,
 * when signal N ended it).
 */

const RELAY = String.raw`
import fcntl, os, pty, select, struct, sys, termios
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 100, 0, 0))
    os.execvp(sys.argv[1], sys.argv[1:])
def write_all(target, data):
    while data:
        data = data[os.write(target, data):]
reading = True
while True:
    ready = select.select([fd] + ([0] if reading else []), [], [])[0]
    if 0 in ready:
        data = os.read(0, 4096)
        if data:
            write_all(fd, data)
        else:
            reading = False
    if fd in ready:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        write_all(1, data)
code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
sys.exit(code if code >= 0 else 128 - code)
`;

export interface PtySession {
  /** Sends keystrokes: text, "\r" for Enter, "\x04" for Ctrl-D. */
  keys(text: string): void;
  /** Everything the terminal showed so far. */
  screen(): string;
  /** Resolves once the screen matches (from `from` on); rejects if the program ends first. */
  until(pattern: RegExp | string, from?: number): Promise<string>;
  /** The program's exit status. */
  exit: Promise<number | null>;
  kill(): void;
}

export function startInPty(command: readonly string[], options: { env: NodeJS.ProcessEnv; cwd: string }): PtySession {
  const child = spawn('python3', ['-c', RELAY, ...command], { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  let screen = '';
  let ended = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  // Decoded as a stream: a spinner frame's three bytes may come in two reads.
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    screen += chunk;
    wake();
  });
  const exit = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      ended = true;
      wake();
      resolve(code);
    });
  });
  return {
    keys: (text) => child.stdin.write(text),
    screen: () => screen,
    exit,
    kill: () => child.kill(),
    until(pattern, from = 0) {
      const matches = () => (typeof pattern === 'string' ? screen.indexOf(pattern, from) >= 0 : pattern.test(screen.slice(from)));
      return new Promise((resolve, reject) => {
        const check = () => {
          if (matches()) resolve(screen);
          else if (ended) reject(new Error(`the program ended before ${String(pattern)} appeared; screen:\n${screen}`));
          else waiters.push(check);
        };
        check();
      });
    },
  };
}
