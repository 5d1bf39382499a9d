/**
 * The reference server as a real process (`server/main.ts`, as deployed) on a
 * free loopback port, for the suites and benchmarks that need one: the
 * reliability races and crash tests, the payments benchmark, the cold-load
 * and Lighthouse runs. Resolves once the server prints that it is ready.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServerProcess {
  port: number;
  /** `http://127.0.0.1:<port>/api/v1`. */
  base: string;
  pid: number;
  /** Everything the process printed, stdout and stderr, for leak scans and failures. */
  output: () => string;
  /** Sends `signal` (unless it has exited already) and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `env` comes over this process's environment and these defaults: no demo seed,
 * no payment scheduler (a tick would be work nobody asked for), and PGlite unless
 * `env` names a DATABASE_URL — one left in the shell never leaks into a PGlite run.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  { timeoutMs = 60_000, cwd }: { timeoutMs?: number; cwd?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED: '0',
      PAYMENT_SCHEDULER_SECONDS: '0',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // main.ts prints "ready in" once migrations (and any seed) are done and the port listens.
      if (output.includes('ready in')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was ready:\n${output}`));
    });
  });
  return {
    port,
    base: `http://127.0.0.1:${port}/api/v1`,
    pid: child.pid!,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
