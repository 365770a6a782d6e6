// Validates XML against the official CAP 1.2 schema with xmllint (Debian libxml2-utils), as partner systems would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const XSD = fileURLToPath(new URL('../presenters/cap-schema/CAP-v1.2.xsd', import.meta.url));

/** Empty string when valid, xmllint's complaint otherwise. */
export function capSchemaErrors(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cap-'));
  const file = join(dir, 'alert.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
