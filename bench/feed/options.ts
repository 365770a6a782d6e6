// The feed bench's command line, parsed before anything starts: --help prints the usage and exits.
import { parseArgs } from 'node:util';

const USAGE = `npm run bench:feed -- [options]   (the change feed against the naive NOTIFY peer; 4-6 minutes a run)

  --runs N             runs, medians reported (1)
  --quick              a smaller smoke run
  --only 1,2,3,4       goals to run (all)
  --calibrate          goal 1 with streaming off on both sides: the instrument's own bias
  --write-clients N    screens connected during the write-cost turns (20)
  --client-workers N   fan-out clients in N worker threads (0: in the bench's own thread)
  --screen-nice N      niceness of those worker threads
  --feed-nice N        niceness of our feed process (the product's default when absent)
  --coalesce MS        notice coalescing window of our server (50)
  --help               this text
`;

const number = (raw: string | undefined, name: string): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`--${name}: not a number: ${raw}`);
  return n;
};

export function feedBenchOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean' },
      only: { type: 'string' },
      calibrate: { type: 'boolean' },
      'write-clients': { type: 'string' },
      'client-workers': { type: 'string' },
      'screen-nice': { type: 'string' },
      'feed-nice': { type: 'string' },
      coalesce: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  return {
    runs: Math.max(1, number(values.runs, 'runs') ?? 1),
    quick: values.quick === true,
    only: values.only?.split(',') ?? ['1', '2', '3', '4'],
    calibrate: values.calibrate === true,
    writeClients: number(values['write-clients'], 'write-clients') ?? 20,
    clientWorkers: number(values['client-workers'], 'client-workers') ?? 0,
    screenNice: number(values['screen-nice'], 'screen-nice'),
    feedNice: number(values['feed-nice'], 'feed-nice'),
    coalesceMs: number(values.coalesce, 'coalesce') || 50,
  };
}
