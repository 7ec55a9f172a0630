// 033: the payroll match's names stored (issue 18; issue 16's match of employees to guarantors).
// pendingMatches compared every guarantor born on an unmatched employee's date of birth with the
// employee's last and first names as matchName folds them, in SQL: a NOCASE comparison, a GLOB and,
// for a name with anything but ASCII letters, matchName itself called from SQL, for each of some
// 600,000 index entries at a million guarantors (15,000 employees still unmatched, some 39
// guarantors a date). Each guarantor and each employee now carries its names folded (match_last,
// match_first: written with the names by accounts/rows.ts and payroll/rosterRows.ts, the only
// writers of those tables), and the match reads them from an index of its own, keyed by the date
// of birth and as narrow as it can be (the date, the two folded names, the employee id): a third
// of the date-of-birth index's size, so that at a million guarantors the pages a queue reads stay
// in the page cache from one reading to the next. The date-of-birth index stays as 030 made it
// (the search by date of birth reads it). The guarantors with an employee id carry their date and
// names in their partial index, and a partial index (empty once filled) finds any row written
// without the folded names.
import { matchName } from '../../../shared/nameTokens';
import type { Migration } from './index';

export const migration033: Migration = {
  version: 33,
  name: 'payroll matches: each guarantor’s and employee’s names as the match folds them, keyed with the date of birth',
  up(db) {
    db.function('recoup_migration_match_name', { deterministic: true }, (name) =>
      typeof name === 'string' ? matchName(name) : null,
    );
    db.exec(`
      ALTER TABLE guarantors ADD COLUMN match_last TEXT;
      ALTER TABLE guarantors ADD COLUMN match_first TEXT;
      UPDATE guarantors SET match_last = recoup_migration_match_name(last_name),
                            match_first = recoup_migration_match_name(first_name);
      ALTER TABLE employees ADD COLUMN match_last TEXT;
      ALTER TABLE employees ADD COLUMN match_first TEXT;
      UPDATE employees SET match_last = recoup_migration_match_name(last_name),
                           match_first = recoup_migration_match_name(first_name);
      CREATE INDEX guarantors_match ON guarantors(date_of_birth, match_last, match_first, employee_id);
      DROP INDEX guarantors_employee_id;
      CREATE INDEX guarantors_employee_id ON guarantors(employee_id COLLATE NOCASE, date_of_birth, match_last, match_first,
        last_name, first_name) WHERE employee_id IS NOT NULL;
      CREATE INDEX guarantors_match_unset ON guarantors(date_of_birth) WHERE match_last IS NULL OR match_first IS NULL;
    `);
  },
};
