// 007: the compliance issue log. Issues are reported, reviewed, assigned and resolved; never deleted.
import type { Migration } from './index';

export const migration007: Migration = {
  version: 7,
  name: 'compliance issue log',
  up(db) {
    db.exec(`
      CREATE TABLE compliance_issues (
        id           INTEGER PRIMARY KEY,
        category     TEXT NOT NULL CHECK (category IN ('501r','privacy','billing','collections','other')),
        description  TEXT NOT NULL,
        account_id   INTEGER REFERENCES accounts(id),
        reported_on  TEXT NOT NULL,
        reported_by  INTEGER REFERENCES users(id),
        status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_review','resolved')),
        assignee_id  INTEGER REFERENCES users(id),
        resolution   TEXT,
        resolved_on  TEXT,
        resolved_by  INTEGER REFERENCES users(id),
        CHECK ((status = 'resolved') = (resolution IS NOT NULL))
      ) STRICT;
      CREATE INDEX compliance_issues_status ON compliance_issues(status, reported_on);
      CREATE TRIGGER compliance_issues_no_delete BEFORE DELETE ON compliance_issues
        BEGIN SELECT RAISE(ABORT, 'compliance issues are never deleted'); END;
    `);
  },
};
