// The dozen-script guarantors (tests/unit/scriptNames.ts) imported as a billing extract, one
// self-pay account of $250.00 each.
import { SCRIPT_NAMES } from '../scriptNames';
import { COMBINED_HEADER, importSmall } from './fixtures';
import type { TestApp } from '../support';

export function scriptExtract(): string {
  return [
    COMBINED_HEADER,
    ...SCRIPT_NAMES.map(
      (n, i) =>
        `${n.id},M9${String(i).padStart(2, '0')},${n.lastName},${n.firstName},1970-01-${String(i + 1).padStart(2, '0')},${n.line1},${n.city},ME,04101,20755501${String(i).padStart(2, '0')},S${n.id},2026-06-01,2026-06-01,outpatient,self_pay,,T${n.id},charge,250.00,2026-06-01,,Clinic visit`,
    ),
  ].join('\r\n');
}

/** Imports the dozen-script guarantors; returns their ids by extract id (U01…). */
export async function importScriptNames(t: TestApp): Promise<Map<string, number>> {
  await importSmall(t, scriptExtract());
  const rows = t.app.store.db.prepare(`SELECT external_id, id FROM guarantors WHERE external_id LIKE 'U%'`).all() as {
    external_id: string;
    id: number;
  }[];
  return new Map(rows.map((r) => [r.external_id, r.id]));
}
