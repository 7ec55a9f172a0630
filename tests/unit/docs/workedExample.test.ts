// docs/architecture.md shows how to add a capability with a worked example. This keeps it true:
// every file it names exists (but the new capability's own), and every name it tells a newcomer to
// use is exported where it says.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
const example = doc.slice(doc.indexOf('## Adding a capability'), doc.indexOf('## The contract and the router'));

/** [name, the file that must export it]: what the example tells a newcomer to use. */
const USED: [string, string][] = [
  ['CAPABILITY_CHANNELS', 'src/shared/contract/index.ts'],
  ['channel', 'src/shared/contract/channel.ts'],
  ['idSchema', 'src/shared/schemas/text.ts'],
  ['chosenId', 'src/shared/schemas/text.ts'],
  ['idChoice', 'src/shared/schemas/formFields.ts'],
  ['requiredText', 'src/shared/schemas/text.ts'],
  ['guarantorInput', 'src/shared/schemas/accounts.ts'],
  ['HandlerMap', 'src/main/platform/capability.ts'],
  ['Capability', 'src/main/platform/capability.ts'],
  ['QueueSource', 'src/main/platform/capability.ts'],
  ['userOf', 'src/main/platform/capability.ts'],
  ['CAPABILITIES', 'src/main/capabilities/index.ts'],
  ['placeHold', 'src/main/capabilities/compliance/index.ts'],
  ['releaseHold', 'src/main/capabilities/compliance/index.ts'],
  ['queueScore', 'src/shared/rules/workQueue.ts'],
  ['LAYERS', 'eslint/layers.mjs'],
  ['ACCOUNT_SECTIONS', 'src/renderer/src/screens/account/sections.tsx'],
  ['importSmall', 'tests/unit/accounts/fixtures.ts'],
  ['attemptEca', 'src/main/capabilities/compliance/index.ts'],
  ['changeLedger', 'src/main/capabilities/ledger/index.ts'],
  ['QUEUE_KINDS', 'src/shared/schemas/queue.ts'],
  ['QUEUE_KIND_INFO', 'src/shared/schemas/queue.ts'],
  ['READS', 'src/renderer/src/queries.ts'],
  ['STALE_AFTER', 'src/renderer/src/queries.ts'],
  ['useChannelQuery', 'src/renderer/src/queries.ts'],
  ['useChannelMutation', 'src/renderer/src/queries.ts'],
  ['testApp', 'tests/unit/support.ts'],
];

function exports(file: string, name: string): boolean {
  const text = readFileSync(path.join(root, file), 'utf8');
  const declared = new RegExp(`export (?:declare )?(?:async )?(?:const|function|type|interface|class) ${name}\\b`);
  const listed = new RegExp(`export (?:type )?\\{[^}]*\\b${name}\\b[^}]*\\}`, 's');
  return declared.test(text) || listed.test(text);
}

describe('the worked example of adding a capability', () => {
  it('names files that exist (all but the new capability’s own)', () => {
    const paths = [...example.matchAll(/`((?:src|tests|eslint)\/[\w./-]+)`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(10);
    const missing = paths.filter((p) => !/disputes|011_/.test(p) && !existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });

  it.each(USED)('%s is exported from %s, and the example names it', (name, file) => {
    expect(example).toContain(name);
    expect(exports(file, name), `${name} in ${file}`).toBe(true);
  });

  it('gives the command that regenerates the row types as the test reads it', () => {
    expect(example).toContain('RECOUP_WRITE_SCHEMA=1 npx vitest run tests/unit/store/schemaTypes.test.ts');
    expect(readFileSync(path.join(root, 'tests/unit/store/schemaTypes.test.ts'), 'utf8')).toContain(
      "process.env.RECOUP_WRITE_SCHEMA === '1'",
    );
  });
});
