// The row types of every table (src/main/store/schema.ts) are generated from the migrations, so a
// table's row is written down once and cannot drift from the database: this test builds the schema
// in memory, derives the types and fails if the file differs. To regenerate after a migration:
//   RECOUP_WRITE_SCHEMA=1 npx vitest run tests/unit/store/schemaTypes.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { openPlain } from '../../../src/main/store/database';
import { migrate } from '../../../src/main/store/migrations';
import { schemaTypes } from '../../../src/main/store/schemaTypes';

const FILE = path.resolve(__dirname, '../../../src/main/store/schema.ts');

describe('generated row types', () => {
  it('src/main/store/schema.ts is what the migrations make', async () => {
    const db = openPlain(':memory:');
    migrate(db);
    const generated = await format(schemaTypes(db), { ...(await resolveConfig(FILE)), parser: 'typescript' });
    db.close();
    if (process.env.RECOUP_WRITE_SCHEMA === '1') writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });
});
