// Starts bench/feed/server.ts (ours or the naive peer) in a child process and waits for its READY line, so the
// load generator and the stand-in screens do not share the server's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ServerSpec } from './server.ts';

// Both servers run on the Node flags `npm start` gives the product (package.json config.nodeFlags).
const NODE_FLAGS = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { config: { nodeFlags: string } }
).config.nodeFlags
  .split(' ')
  .filter(Boolean);

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function spawnServer(spec: ServerSpec): Promise<SpawnedServer> {
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of each server process there (open in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, ...prof, '--import', 'tsx', 'bench/feed/server.ts', JSON.stringify(spec)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('server did not start in 60 s')), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
