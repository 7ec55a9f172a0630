// 015 (014 on this branch before i11-queue's 014 was merged in): what a financial-assistance entry needs for its letter (ECA-05, 26 CFR 1.501(r)-6(c)): an
// incomplete application's missing items and the date to send them by; a decision's discount and,
// per account, the policy amount, the charity adjustment, any refund and the date it is due by (the credits worklist). The letters print
// from these rows, so a reprint says what was decided then.
import type { Migration } from './index';

export const migration015: Migration = {
  version: 15,
  name: 'financial-assistance decisions and notices',
  up(db) {
    db.exec(`
      CREATE TABLE fap_incomplete (
        history_id   INTEGER PRIMARY KEY REFERENCES fap_history(id),
        missing      TEXT NOT NULL,
        complete_by  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE fap_decisions (
        history_id      INTEGER PRIMARY KEY REFERENCES fap_history(id),
        discount_kind   TEXT CHECK (discount_kind IN ('full','percent','agb')),
        percent_off_bp  INTEGER,
        agb_bp          INTEGER NOT NULL,
        denial_reason   TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE TABLE fap_decision_accounts (
        history_id            INTEGER NOT NULL REFERENCES fap_decisions(history_id),
        account_id            INTEGER NOT NULL REFERENCES accounts(id),
        responsibility_cents  INTEGER NOT NULL,
        policy_amount_cents   INTEGER NOT NULL,
        adjustment_cents      INTEGER NOT NULL CHECK (adjustment_cents >= 0),
        refund_cents          INTEGER NOT NULL CHECK (refund_cents >= 0),
        owes_cents            INTEGER NOT NULL CHECK (owes_cents >= 0),
        refund_due            TEXT,
        PRIMARY KEY (history_id, account_id)
      ) STRICT;
    `);
  },
};
