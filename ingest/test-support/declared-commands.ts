// Every command exported by ingest/commands, found by loading the folder: the tests that hold each command to its
// declaration (authorisation in one place, permission before input) cannot miss a new one.
import { readdirSync } from 'node:fs';
import type { Permission } from '../policies/command-permissions.ts';

/** Exports of ingest/commands that are building blocks other commands share, not commands of their own. */
const BUILDING_BLOCKS = new Set([
  'admin-changes.audited',
  'admin-changes.invalid',
  'admin-changes.exists',
  'alert-events.alertEventPayload',
  'alert-events.appendAlertEvent',
  'alert-events.sendOut',
  'change-events.timelineActor',
  'change-events.unitEventPayload',
  'change-events.appendChangeEvents',
  'command.staffCommand',
  'command.openCommand',
  'create-reports.reportEventPayload',
  'create-reports.prepareReport',
  'create-reports.storeReports',
  'merge-into-incident.canonicalId',
  'merge-into-incident.lockInIdOrder',
  'merge-into-incident.mergeLocked',
  'sweep-alerts.startAlertSweeper',
  'transition-report.decisionError',
  'transition-report.lockedReportOr404',
  'transition-report.applyTransition',
]);

export type DeclaredCommand = ((...args: unknown[]) => Promise<unknown>) & { permission?: Permission; proof?: string };

const folder = new URL('../commands/', import.meta.url);

/** `id` is `file.export`, e.g. `transition-report.transitionReport`. */
export async function declaredCommands(): Promise<{ id: string; command: DeclaredCommand }[]> {
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const exported = await Promise.all(
    files.map(async (file) => {
      const module = (await import(`../commands/${file.replace(/\.ts$/, '')}.ts`)) as Record<string, unknown>;
      return Object.entries(module)
        .filter(([, value]) => typeof value === 'function' && !/^class\s/.test(String(value)))
        .map(([name, value]) => ({ id: `${file.replace(/\.ts$/, '')}.${name}`, command: value as DeclaredCommand }));
    }),
  );
  return exported.flat().filter((e) => !BUILDING_BLOCKS.has(e.id));
}
