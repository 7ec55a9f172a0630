// Issue 10: a guarantor is found by any part of their name, in any script: folded letters (ł, ß,
// ø, æ, ı) by their plain spellings, Chinese, Japanese and Korean names by any run of their
// characters. Against a real encrypted store, through the search channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameTokens, queryWords, foldName } from '../../../src/shared/nameTokens';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from './fixtures';
import { importScriptNames } from './scriptFixtures';
import { SCRIPT_NAMES } from '../scriptNames';

let t: TestApp;
let admin: string;
let ids: Map<string, number>;
beforeAll(async () => {
  t = testApp();
  admin = await setUpAndLogIn(t);
  await importSmall(t);
  ids = await importScriptNames(t);
});
afterAll(() => t.cleanup());

const cases = SCRIPT_NAMES.flatMap((n) => n.queries.map((q) => [n.script, q, n.id] as const));

describe('search finds a guarantor by any part of a name, in any script', () => {
  it.each(cases)('%s: "%s"', async (_script, query, id) => {
    const found = await t.call('search:query', { query }, admin);
    expect(found.map((r) => r.guarantorId)).toEqual([ids.get(id)]);
    expect(found[0]!.matchedOn).toBe('name');
  });

  it('still finds the plain Latin names, and nobody for a name that is not there', async () => {
    expect((await t.call('search:query', { query: 'smith' }, admin)).map((r) => r.name)).toEqual(['Smith, Jane']);
    expect(await t.call('search:query', { query: '李' }, admin)).toEqual([]);
    expect(await t.call('search:query', { query: 'Петров' }, admin)).toHaveLength(1);
    expect(await t.call('search:query', { query: 'Петровна' }, admin)).toEqual([]);
    // Chinese, Japanese and Korean names are listed as they are written: family name first, unspaced.
    expect((await t.call('search:query', { query: '小明' }, admin)).map((r) => r.name)).toEqual(['王小明']);
    expect((await t.call('search:query', { query: '민준' }, admin)).map((r) => r.name)).toEqual(['김민준']);
    expect((await t.call('search:query', { query: 'Ирина' }, admin)).map((r) => r.name)).toEqual(['Петрова, Ирина']);
  });
});

describe('folding: letters that are not accented forms spell out plainly, for names and queries alike', () => {
  it.each([
    ['Łukasz', 'lukasz'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Søren', 'soren'],
    ['Ærø', 'aero'],
    ['Œuvray', 'oeuvray'],
    ['Işıl', 'isil'],
    ['İzmir', 'izmir'],
    ['Đặng', 'dang'],
    ['Þórunn', 'thorunn'],
    ['Guðrún', 'gudrun'],
    ['Nguyễn', 'nguyen'],
    ['Παπαδόπουλος', 'παπαδοπουλοσ'],
    ['مُحَمَّد', 'محمد'],
    ['Ｓｍｉｔｈ', 'smith'],
  ])('%s -> %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it('stores a Chinese, Japanese or Korean name under every suffix, whole name first', () => {
    expect(nameTokens('小明', '', '王')).toEqual(['王小明', '小明', '明', '王']);
    expect(nameTokens('太郎', '', '山田')).toEqual(['山田太郎', '田太郎', '太郎', '郎', '山田', '田']);
    expect(queryWords('山田 太郎')).toEqual(['山田', '太郎']);
    expect(queryWords('王小明')).toEqual(['王小明']);
  });

  it('the ʻokina, typographic apostrophes and a soft hyphen join a name; an umlaut is also spelled out (review)', () => {
    expect(nameTokens('ʻIolani')).toEqual(['iolani']);
    expect(nameTokens('D‘Angelo')).toEqual(['dangelo', 'd', 'angelo']);
    expect(nameTokens('Kowal\u00adski')).toEqual(['kowalski']);
    expect(nameTokens('Müller')).toEqual(['muller', 'mueller']);
    expect(queryWords('Mueller')).toEqual(['mueller']);
  });

  it('keeps the tokens of plain names as they were', () => {
    expect(nameTokens("O'Brien-Núñez")).toEqual(['obrien', 'nunez', 'obriennunez', 'o', 'brien']);
    expect(nameTokens('Jane', 'Q', 'Smith')).toEqual(['jane', 'q', 'smith']);
  });
});
