import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameTokens } from '../../../src/main/capabilities/accounts/search';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from './fixtures';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = testApp();
  admin = await setUpAndLogIn(t);
  await importSmall(t);
});
afterAll(() => t.cleanup());

const find = async (query: string) =>
  (await t.call('search:query', { query }, admin)).map((r) => `${r.name}|${r.matchedOn}`);

describe('search: anyone, fast, by what the clerk has in hand', () => {
  it.each([
    ['smith', ['Smith, Jane|name']],
    ['jan smi', ['Smith, Jane|name']],
    ['smi jan', ['Smith, Jane|name']],
    ['JANE', ['Smith, Jane|name']],
    ["o'brien", ["O'Brien-Núñez, John|name"]],
    ['obrien', ["O'Brien-Núñez, John|name"]],
    ['nunez john', ["O'Brien-Núñez, John|name"]],
    ['brien', ["O'Brien-Núñez, John|name"]],
    ['A2', ['Smith, Jane|account_number']],
    ['a3', ["O'Brien-Núñez, John|account_number"]],
    ['M200', ["O'Brien-Núñez, John|mrn"]],
    ['(207) 555-0142', ['Smith, Jane|phone']],
    ['2075550199', ["O'Brien-Núñez, John|phone"]],
    ['02/14/1980', ['Smith, Jane|date_of_birth']],
    ['1950-07-04', ["O'Brien-Núñez, John|date_of_birth"]],
    ['zzz', []],
    ['smith john', []],
  ])('%s', async (query, expected) => {
    expect(await find(query)).toEqual(expected);
  });

  it('shows enough to pick the right person and nothing more', async () => {
    const [r] = await t.call('search:query', { query: 'smith' }, admin);
    expect(r).toEqual({
      guarantorId: expect.any(Number),
      name: 'Smith, Jane',
      dateOfBirth: '1980-02-14',
      cityState: 'Portland, ME',
      mrn: 'M100',
      phoneLast4: '0142',
      balanceCents: 80000,
      accountCount: 2,
      deceased: false,
      matchedOn: 'name',
      matchedDetail: null,
    });
    expect(JSON.stringify(r)).not.toContain('Oak St');
  });

  it('is audited with the guarantors it showed', async () => {
    const list = await t.call('audit:list', { channel: 'search:query', limit: 5, offset: 0 }, admin);
    expect(list.events[0]?.records.length).toBeGreaterThan(0);
    expect(list.events[0]?.records[0]).toMatch(/^guarantor:\d+$/);
  });

  it('tokenizes names without accents, apostrophes or hyphens getting in the way', () => {
    expect(nameTokens("O'Brien-Núñez")).toEqual(['obrien', 'nunez', 'obriennunez', 'o', 'brien']);
    expect(nameTokens('Mary Ann', 'Côté')).toEqual(['mary', 'ann', 'cote']);
  });
});

describe('search by identifiers, however they are typed', () => {
  it.each([
    ['0142', ['Smith, Jane|phone']],
    ['m20', ["O'Brien-Núñez, John|mrn"]],
    ['m100', ['Smith, Jane|mrn']],
    ['a1', ['Smith, Jane|account_number']],
  ])('%s', async (query, expected) => {
    expect(await find(query)).toEqual(expected);
  });
});
