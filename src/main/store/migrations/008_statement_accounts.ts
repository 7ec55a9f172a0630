// 008: which accounts each statement showed, and where each stood in its own cycle. The 501(r)
// clock runs per account (ECA-05: D0 and the final notice are the account's), while a guarantor
// gets one statement for all their open accounts (ST-03). Statements already sent are filled in
// from their recorded snapshots. Statements sent, and the accounts on them, can no longer be changed
// or deleted.
import type { Migration } from './index';

export const migration008: Migration = {
  version: 8,
  name: 'accounts on each statement',
  up(db) {
    db.exec(`
      CREATE TABLE statement_accounts (
        statement_id INTEGER NOT NULL REFERENCES statements(id),
        account_id   INTEGER NOT NULL REFERENCES accounts(id),
        step         TEXT NOT NULL CHECK (step IN ('regular','final_notice','after_notice')),
        number       INTEGER CHECK (number IS NULL OR number >= 1),
        balance_cents INTEGER NOT NULL,
        CHECK ((step = 'after_notice') = (number IS NULL)),
        PRIMARY KEY (statement_id, account_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX statement_accounts_account ON statement_accounts(account_id, step);
      CREATE INDEX statements_date ON statements(statement_date);

      INSERT INTO statement_accounts (statement_id, account_id, step, number, balance_cents)
      SELECT s.id, a.id, s.kind, s.number_in_cycle, json_extract(j.value, '$.balanceCents')
        FROM statements s, json_each(s.snapshot, '$.accounts') j
        JOIN accounts a ON a.guarantor_id = s.guarantor_id AND a.account_number = json_extract(j.value, '$.accountNumber');

      -- What was sent is a record: never changed, never deleted.
      CREATE TRIGGER statements_no_update BEFORE UPDATE ON statements
        BEGIN SELECT RAISE(ABORT, 'statements sent cannot be changed'); END;
      CREATE TRIGGER statements_no_delete BEFORE DELETE ON statements
        BEGIN SELECT RAISE(ABORT, 'statements sent cannot be deleted'); END;
      CREATE TRIGGER statement_accounts_no_update BEFORE UPDATE ON statement_accounts
        BEGIN SELECT RAISE(ABORT, 'statements sent cannot be changed'); END;
      CREATE TRIGGER statement_accounts_no_delete BEFORE DELETE ON statement_accounts
        BEGIN SELECT RAISE(ABORT, 'statements sent cannot be deleted'); END;
    `);
  },
};
