// Runs spdep::localG (geo/test-support/spdep-localg.R) on the same cells and neighbours as ours.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiskGraph } from '../cell-disks.ts';

const SCRIPT = fileURLToPath(new URL('./spdep-localg.R', import.meta.url));

/** Why spdep cannot run here, or null when Rscript with spdep is installed. */
export function spdepMissing(): string | null {
  const r = spawnSync('Rscript', ['-e', 'suppressMessages(library(spdep))'], { encoding: 'utf8' });
  if (r.error) return `Rscript is not installed (${r.error.message}); install r-cran-spdep`;
  if (r.status !== 0) return `R package spdep is missing (${r.stderr.trim().split('\n').pop()}); install r-cran-spdep`;
  return null;
}

/** spdep's Gi* z-scores for values `x` over `graph` (self included), and R's seconds in nb2listw + localG. */
export function spdepLocalG(
  x: ArrayLike<number>,
  graph: DiskGraph,
): { z: Float64Array; seconds: number; cpuSeconds: number } {
  const dir = mkdtempSync(join(tmpdir(), 'spdep-'));
  try {
    const lines: string[] = [];
    for (let i = 0; i < x.length; i++)
      for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++)
        if (graph.indices[e] !== i) lines.push(`${i + 1} ${graph.indices[e] + 1}`);
    writeFileSync(join(dir, 'x'), Array.from(x, (v) => String(v)).join('\n') + '\n');
    writeFileSync(join(dir, 'edges'), lines.join('\n') + '\n');
    const r = spawnSync('Rscript', [SCRIPT, join(dir, 'x'), join(dir, 'edges'), join(dir, 'out')], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
    const z = Float64Array.from(readFileSync(join(dir, 'out'), 'utf8').trim().split('\n'), Number);
    const [seconds, cpuSeconds] = r.stdout.trim().split(/\s+/).map(Number);
    return { z, seconds, cpuSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
