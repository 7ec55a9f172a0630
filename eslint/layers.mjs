// The capabilities in layers, lowest first: a capability may use (through its index.ts) only one
// listed before it, so capabilities never form a cycle. This is also the order of CAPABILITIES in
// src/main/capabilities/index.ts (tests/unit/lint/recoupRules.test.ts keeps the two the same). A new
// capability goes after every capability whose index it imports.
export const LAYERS = [
  'access',
  'admin',
  'accounts',
  'ledger',
  'plans',
  'compliance',
  'queue',
  'statements',
  'imports',
  'agencies',
  'smallClaims',
  'estates',
  'badDebt',
  'payroll',
  'obstetrics',
  'workspace',
  'setup',
];
