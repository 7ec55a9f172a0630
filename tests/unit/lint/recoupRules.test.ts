// The boundaries of docs/architecture.md are lint rules; these cases show each one refusing what it
// must and letting through what it should.
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../eslint/layers.mjs';
import { CAPABILITIES } from '../../../src/main/capabilities';
import recoup from '../../../eslint/recoup-rules.mjs';

RuleTester.describe = describe;
RuleTester.it = it;

const root = path.resolve(__dirname, '../../..');
const at = (file: string) => path.join(root, file);
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

tester.run('capability-boundaries', recoup.rules['capability-boundaries'], {
  valid: [
    { filename: at('src/main/capabilities/plans/handlers.ts'), code: "import { x } from './lapseEngine';" },
    { filename: at('src/main/capabilities/statements/runPlan.ts'), code: "import { holdsOf } from '../compliance';" },
    { filename: at('src/main/capabilities/index.ts'), code: "import { plans } from './plans';" },
    { filename: at('src/bench/index.ts'), code: "import { runDaily } from '../main/capabilities/plans';" },
    { filename: at('src/main/compose.ts'), code: "import { CAPABILITIES } from './capabilities';" },
  ],
  invalid: [
    {
      filename: at('src/main/capabilities/statements/runPlan.ts'),
      code: "import { holdsOf } from '../compliance/holds';",
      errors: [{ messageId: 'internal' }],
    },
    {
      filename: at('src/bench/index.ts'),
      code: "import { runDaily } from '../main/capabilities/plans/lapseEngine';",
      errors: [{ messageId: 'internal' }],
    },
    {
      filename: at('src/main/capabilities/plans/handlers.ts'),
      code: "import { createRouter } from '../../ipc/router';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: at('src/main/capabilities/plans/handlers.ts'),
      code: "import { CAPABILITIES } from '..';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: at('src/main/capabilities/ledger/index.ts'),
      code: "export { planRow } from '../plans/progress';",
      errors: [{ messageId: 'internal' }],
    },
    // Only a capability below may be used: the ledger is below plans, so plans may not be used by it.
    {
      filename: at('src/main/capabilities/ledger/posting.ts'),
      code: "import { planRow } from '../plans';",
      errors: [{ messageId: 'layer' }],
    },
    {
      filename: at('src/main/capabilities/disputes/disputes.ts'),
      code: "import { placeHold } from '../compliance';",
      errors: [{ messageId: 'unlisted' }],
    },
    // Fail closed both ways: a capability not yet in eslint/layers.mjs may not be used either.
    {
      filename: at('src/main/capabilities/workspace/workspace.ts'),
      code: "import { disputesOf } from '../disputes';",
      errors: [{ messageId: 'unlisted' }],
    },
  ],
});

describe('the layers', () => {
  it('are the composition’s order, so the list and the lint rule cannot drift apart', () => {
    expect(CAPABILITIES.map((c) => c.name).filter((n) => n !== 'platform')).toEqual(LAYERS);
  });
});

tester.run('no-sql-in-glue', recoup.rules['no-sql-in-glue'], {
  valid: [{ filename: at('src/main/capabilities/plans/handlers.ts'), code: "const m = 'Select a plan first.';" }],
  invalid: [
    {
      filename: at('src/main/capabilities/plans/handlers.ts'),
      code: "db.prepare('SELECT 1');",
      errors: [{ messageId: 'sql' }, { messageId: 'sql' }],
    },
    {
      filename: at('src/main/ipc/router.ts'),
      code: 'const q = `UPDATE plans SET status = ${s}`;',
      errors: [{ messageId: 'sql' }],
    },
  ],
});

tester.run('table-owner', recoup.rules['table-owner'], {
  valid: [
    { filename: at('src/main/capabilities/plans/planRows.ts'), code: "const q = 'UPDATE plans SET status = ?';" },
    {
      filename: at('src/main/store/meta.ts'),
      code: "const q = 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value';",
    },
    { filename: at('src/main/capabilities/queue/queue.ts'), code: "const q = 'SELECT * FROM plans';" },
  ],
  invalid: [
    {
      filename: at('src/main/capabilities/queue/queue.ts'),
      code: "const q = 'UPDATE plans SET status = ?';",
      errors: [{ messageId: 'notOwner' }],
    },
    {
      filename: at('src/main/capabilities/imports/importer.ts'),
      code: 'const q = `INSERT OR IGNORE INTO guarantors (id) VALUES (${1})`;',
      errors: [{ messageId: 'notOwner' }],
    },
    {
      filename: at('src/main/capabilities/queue/queue.ts'),
      code: "const q = 'DELETE FROM mystery_table';",
      errors: [{ messageId: 'unknown' }],
    },
  ],
});
