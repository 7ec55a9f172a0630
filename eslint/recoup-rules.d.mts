// Types for the tests that run Recoup's lint rules (tests/unit/lint).
import type { Rule } from 'eslint';

declare const plugin: {
  meta: { name: string };
  rules: Record<'capability-boundaries' | 'no-sql-in-glue' | 'table-owner', Rule.RuleModule>;
};
export default plugin;
