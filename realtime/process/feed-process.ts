// The feed in its own process behind the product's one port. Streaming competes for the same cores as the
// Postgres backends that commit reports; at a lower priority it takes mostly the CPU the write path leaves,
// so the screens watching a surge slow it less. The main process keeps the port: it hands
// each WebSocket upgrade's connection to the feed process (the kernel then carries the socket straight to
// it) and proxies the few long-polling requests, which can share keep-alive connections with the API.
import { fork, type ChildProcess } from 'node:child_process';
import { request, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { setPriority } from 'node:os';
import { pipeline } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { errorBody, errors } from '../../domain/errors.ts';
import type { FromFeedProcess, ToFeedProcess } from './messages.ts';

export interface FeedProcessOptions<Config> {
  /** Module the child runs (it calls runFeedChild), with its arguments. */
  entry: string;
  args: string[];
  /** Sent over IPC, not argv, so secrets do not show in `ps`. */
  config: Config;
  /** Niceness of the feed process (0 to 19): how far streaming steps back when the cores are busy. */
  nice: number;
  /** The main process's logger: the feed process's own lines are written through it too. */
  logger: Logger;
}

export interface FeedProcess {
  /** Requests for the Socket.IO path belong to the feed process. */
  owns(req: IncomingMessage): boolean;
  proxy(req: IncomingMessage, res: ServerResponse): void;
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void;
  /** The current child's pid, or null between a crash and its restart. */
  pid(): number | null;
  /** The feed process's metrics (prom-client JSON); empty while it restarts or when it does not answer in time. */
  metrics(): Promise<object[]>;
  stop(): Promise<void>;
}

const FEED_PATH = '/socket.io/';
const isFeedRequest = (req: IncomingMessage) => (req.url ?? '').startsWith(FEED_PATH);
const RESTART_DELAYS_MS = [200, 500, 1000, 2000, 5000];
const STOP_GRACE_MS = 5000;
/** A scrape waits this long for the feed process (it runs at a low priority), then goes without its figures. */
const METRICS_WAIT_MS = 2000;
const UNAVAILABLE =
  'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

// The child loads TypeScript the way `npm start` does; vitest's or tsx's own loader flags are not inherited.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Running {
  child: ChildProcess;
  port: number;
}

export async function startFeedProcess<Config>(opts: FeedProcessOptions<Config>): Promise<FeedProcess> {
  let running: Running | null = null;
  let newest: ChildProcess | null = null; // running, or still starting
  let stopping = false;
  let crashes = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const log = (line: string) => opts.logger.info(line);
  const metricAnswers = new Map<number, (metrics: object[]) => void>();
  let metricAsks = 0;

  const spawn = () =>
    new Promise<Running>((ready, failed) => {
      // FEED_CPU_PROF=DIR writes a V8 CPU profile of each feed process there (open in Chrome DevTools).
      const profile = process.env.FEED_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FEED_CPU_PROF}`] : [];
      const child = fork(opts.entry, opts.args, {
        execArgv: [...profile, '--import', tsxLoader],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      newest = child;
      let started = false;
      try {
        setPriority(child.pid!, opts.nice);
      } catch (e) {
        log(`feed process: cannot set its priority (${(e as Error).message}); it runs at the main one`);
      }
      child.on('message', (message: FromFeedProcess) => {
        if (message.type === 'log') relayLine(opts.logger, message.line);
        else if (message.type === 'metrics') metricAnswers.get(message.id)?.(message.metrics);
        else if (message.type === 'ready') {
          started = true;
          crashes = 0;
          running = { child, port: message.port };
          log(`feed process ${child.pid} serving`);
          ready(running);
        } else if (message.type === 'failed' && !started) failed(new Error(`feed process: ${message.message}`));
      });
      child.on('error', (e) => {
        if (!started) failed(e);
        else opts.logger.error({ err: e }, 'feed process');
      });
      child.on('exit', (code, signal) => {
        if (running?.child === child) running = null;
        if (!started) return failed(new Error(`feed process exited before it was ready (${signal ?? code})`));
        if (stopping) return;
        // Clients reconnect and resume from their lastEventId, so a restart loses nothing they were owed.
        log(`feed process ${child.pid} exited (${signal ?? code}); restarting`);
        restartLater();
      });
      child.send({ type: 'start', config: opts.config } satisfies ToFeedProcess<Config>);
    });

  const restartLater = () => {
    const delay = RESTART_DELAYS_MS[Math.min(crashes++, RESTART_DELAYS_MS.length - 1)];
    setTimeout(() => {
      if (!stopping)
        spawn().catch((e) => {
          opts.logger.error({ err: e }, 'feed process restart');
          restartLater();
        });
    }, delay);
  };

  await spawn();

  return {
    owns: isFeedRequest,

    upgrade: (req, socket, head) => {
      if (!running || !isFeedRequest(req)) return void socket.end(UNAVAILABLE);
      // The child parses the request again from these bytes, as if the connection had come to it.
      const raw = Buffer.concat([Buffer.from(requestHead(req), 'latin1'), head]);
      running.child.send(
        { type: 'upgrade', raw: raw.toString('base64') } satisfies ToFeedProcess<Config>,
        socket,
        { keepOpen: false },
        (e) => {
          if (e) socket.destroy();
        },
      );
    },

    proxy: (req, res) => {
      if (!running) return unavailable(res);
      const upstream = request(
        { host: '127.0.0.1', port: running.port, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          // A feed process that dies mid-answer must not leave the client's request hanging open.
          pipeline(answer, res, (e) => {
            if (e) res.destroy();
          });
        },
      );
      upstream.on('error', () => unavailable(res));
      pipeline(req, upstream, (e) => {
        if (e) unavailable(res);
      });
    },

    pid: () => running?.child.pid ?? null,

    metrics: () => {
      const child = running?.child;
      if (!child?.connected) return Promise.resolve([]);
      const id = ++metricAsks;
      return new Promise<object[]>((done) => {
        const timer = setTimeout(() => answer([]), METRICS_WAIT_MS);
        const answer = (metrics: object[]) => {
          clearTimeout(timer);
          metricAnswers.delete(id);
          done(metrics);
        };
        metricAnswers.set(id, answer);
        child.send({ type: 'metrics', id } satisfies ToFeedProcess<Config>);
      });
    },

    stop: async () => {
      stopping = true;
      agent.destroy();
      const child = newest;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      if (child.connected) child.send({ type: 'stop' } satisfies ToFeedProcess<Config>);
      else child.kill('SIGKILL');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Writes a line of the feed process's logger through this process's one, keeping its fields and level. */
function relayLine(logger: Logger, line: string): void {
  try {
    const fields = JSON.parse(line) as { level: number; msg?: string; time?: number; pid?: number };
    const { level, msg, pid } = fields;
    // This logger stamps its own time and pid; the feed process's pid stays as feedPid.
    for (const own of ['level', 'msg', 'time', 'pid'] as const) delete fields[own];
    const label = (logger.levels.labels[level] ?? 'info') as 'info';
    logger[label]({ ...fields, feedPid: pid }, msg);
  } catch {
    logger.info({ line }, 'feed process: not a JSON log line');
  }
}

function requestHead(req: IncomingMessage): string {
  let head = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
  for (let i = 0; i < req.rawHeaders.length; i += 2) head += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
  return `${head}\r\n`;
}

function unavailable(res: ServerResponse): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(JSON.stringify(errorBody(errors.feedRestarting())));
}
