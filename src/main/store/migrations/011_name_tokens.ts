// 011: every guarantor's name tokens made again with the folding of shared/nameTokens.ts: names in
// any script are stored under their words (before, only the letters a-z and digits were kept, so
// a Cyrillic, Greek, Arabic or Chinese name had no tokens at all), letters like ł, ß, ø and æ
// under their plain spellings, and Chinese, Japanese and Korean names under every suffix of their
// characters. The table keeps its shape; only its rows change.
import type { Migration } from './index';
import { nameTokens } from '../../../shared/nameTokens';

export const migration011: Migration = {
  version: 11,
  name: 'name tokens in every script',
  up(db) {
    db.exec('DELETE FROM name_tokens');
    const insert = db.prepare('INSERT OR IGNORE INTO name_tokens (token, guarantor_id) VALUES (?, ?)');
    const page = db.prepare(
      'SELECT id, first_name, middle_name, last_name FROM guarantors WHERE id > ? ORDER BY id LIMIT 5000',
    );
    // A page at a time: SQLite cannot insert while a query on the same connection is being read.
    for (let after = 0; ;) {
      const rows = page.all(after) as { id: number; first_name: string; middle_name: string; last_name: string }[];
      if (rows.length === 0) break;
      for (const g of rows)
        for (const token of nameTokens(g.first_name, g.middle_name, g.last_name)) insert.run(token, g.id);
      after = rows[rows.length - 1]!.id;
    }
  },
};
