// Migrations: tiny numbered modules in one registry, run in one transaction against user_version.
// A database from a newer version of Recoup is refused, never touched.
import type { Db } from '../database';
import { migration001 } from './001_initial';
import { migration002 } from './002_accounts_ledger';
import { migration003 } from './003_plans';
import { migration004 } from './004_eca';
import { migration005 } from './005_holds';
import { migration006 } from './006_statements';
import { migration007 } from './007_compliance';
import { migration008 } from './008_statement_accounts';
import { migration009 } from './009_fap_history';
import { migration010 } from './010_capabilities';
import { migration011 } from './011_name_tokens';
import { migration012 } from './012_import_held_changes';
import { migration013 } from './013_plan_ledger_mark';
import { migration014 } from './014_queue_paying_index';
import { migration015 } from './015_fap_decisions';
import { migration016 } from './016_statement_release';
import { migration017 } from './017_credit_indexes';
import { migration018 } from './018_bounced_address';
import { migration019 } from './019_agencies';
import { migration020 } from './020_agency_indexes';
import { migration021 } from './021_small_claims';
import { migration022 } from './022_estates';
import { migration023 } from './023_bad_debt';
import { migration024 } from './024_payroll';
import { migration025 } from './025_obstetrics';
import { migration026 } from './026_search_names';
import { migration027 } from './027_reports_indexes';
import { migration028 } from './028_statement_selection';
import { migration029 } from './029_batches_indexes';
import { migration030 } from './030_guarantors_dob_names';
import { migration031 } from './031_remittance_lines_money';
import { migration032 } from './032_guarantors_queue';
import { migration033 } from './033_guarantors_match_names';
import { migration034 } from './034_statement_holds';
import { migration035 } from './035_run_items_stored';
import { migration036 } from './036_first_bill_dates';
import { migration037 } from './037_statements_one_index';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
  migration022,
  migration023,
  migration024,
  migration025,
  migration026,
  migration027,
  migration028,
  migration029,
  migration030,
  migration031,
  migration032,
  migration033,
  migration034,
  migration035,
  migration036,
  migration037,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class NewerDatabaseError extends Error {
  constructor(readonly found: number) {
    super(
      `This database was written by a newer version of Recoup (schema ${found}; this version knows up to ${LATEST_VERSION}). Install the newer version.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every pending migration (or up to `target`) in one transaction; returns the versions
 * applied. `registry` is for tests; the app always uses MIGRATIONS.
 */
export function migrate(db: Db, target = LATEST_VERSION, registry: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const latest = registry[registry.length - 1]?.version ?? 0;
  if (current > latest) throw new NewerDatabaseError(current);
  const pending = registry.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return pending.map((m) => m.version);
}
