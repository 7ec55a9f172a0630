// docs/security.md's "Appendix: every channel" is the contract: every channel with its least role,
// its audit kind and whether it may be called while the session is locked. Kept equal by this test
// (a new channel, or a changed role, fails here until the appendix says so).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract';

const DOC = path.join(__dirname, '../../../docs/security.md');

function appendixRows(): string[][] {
  return Object.entries(contract).map(([name, spec]) => {
    const s = spec as { access: string; audit: string | false; whileLocked?: boolean };
    return [`\`${name}\``, s.access, s.audit === false ? '—' : s.audit, s.whileLocked ? 'yes' : ''];
  });
}

describe('the security appendix lists every channel as the contract declares it', () => {
  it('same channels, roles, audit kinds and locked-session rule', () => {
    const doc = readFileSync(DOC, 'utf8');
    const section = doc.slice(doc.indexOf('## Appendix: every channel'));
    const rows = [...section.matchAll(/^\| (`[^`]+`) +\| ([^|]+?) +\| ([^|]+?) +\|([^|]*)\|$/gm)].map((m) => [
      m[1]!,
      m[2]!.trim(),
      m[3]!.trim(),
      m[4]!.trim(),
    ]);
    const sort = (r: string[][]) => [...r].sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(sort(rows)).toEqual(sort(appendixRows()));
  });
});
