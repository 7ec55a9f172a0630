// 026 (issue 18): a name search answered from the name_tokens index alone. Each token row also
// carries what the search needs about its guarantor: the last and first name the results are
// ordered by, and all of the guarantor's tokens (each after a space) to check the query's other
// words against. Before, every guarantor a query's first word matched was read from the
// guarantors table (a random page each) to check the other words, count its accounts and sort:
// at a million guarantors that was 17,000 page reads for "smit ja", most of them from disk
// through the decryption, 50 to 120 ms. Now it is one range of the token index, read in order.
//
// The copies follow the guarantor: addNameTokens writes them from the stored row, and a trigger
// copies a changed last or first name onto the guarantor's token rows, so the order of the
// results is the order of the names as stored whatever path renames a guarantor.
import type { Migration } from './index';

export const migration026: Migration = {
  version: 26,
  name: 'name tokens carry their guarantor’s name and tokens, for a search from the index alone',
  up(db) {
    db.exec(`
      CREATE TABLE name_tokens_026 (
        token        TEXT NOT NULL,
        guarantor_id INTEGER NOT NULL REFERENCES guarantors(id),
        last_name    TEXT NOT NULL,
        first_name   TEXT NOT NULL,
        all_tokens   TEXT NOT NULL,
        PRIMARY KEY (token, guarantor_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO name_tokens_026 (token, guarantor_id, last_name, first_name, all_tokens)
        SELECT t.token, t.guarantor_id, g.last_name, g.first_name, a.all_tokens
          FROM (SELECT guarantor_id, ' ' || group_concat(token, ' ') AS all_tokens FROM name_tokens GROUP BY guarantor_id) a
          JOIN name_tokens t ON t.guarantor_id = a.guarantor_id
          JOIN guarantors g ON g.id = a.guarantor_id
         ORDER BY t.token, t.guarantor_id;
      DROP TABLE name_tokens;
      ALTER TABLE name_tokens_026 RENAME TO name_tokens;
      CREATE INDEX name_tokens_guarantor ON name_tokens(guarantor_id);
      CREATE TRIGGER name_tokens_follow_name AFTER UPDATE OF last_name, first_name ON guarantors
        WHEN NEW.last_name IS NOT OLD.last_name OR NEW.first_name IS NOT OLD.first_name
      BEGIN
        UPDATE name_tokens SET last_name = NEW.last_name, first_name = NEW.first_name WHERE guarantor_id = NEW.id;
      END;
    `);
  },
};
