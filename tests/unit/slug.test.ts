import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify, uniqueSlug } from '../../cms/src/validation/slug';

describe('slugify', () => {
  it('transliterates Polish letters', () => {
    expect(slugify('Żółta łódź')).toBe('zolta-lodz');
    expect(slugify('ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż')).toBe('acelnoszz-acelnoszz');
  });

  it('romanizes Ukrainian titles the official way, with word-initial є, ї, й, ю, я spelled apart', () => {
    expect(slugify('Як заснувати звичайне товариство')).toBe('yak-zasnuvaty-zvychaine-tovarystvo');
    expect(slugify('День відкритих дверей')).toBe('den-vidkrytykh-dverei');
    expect(slugify('Знайомство з Європою')).toBe('znaiomstvo-z-yevropoiu');
    expect(slugify('Їжак і Юля')).toBe('yizhak-i-yulia');
    expect(slugify('Згода на обробку даних')).toBe('zghoda-na-obrobku-danykh');
    expect(slugify('Пам’ять і щастя')).toBe('pamiat-i-shchastia');
  });

  it('drops punctuation and collapses separators', () => {
    expect(slugify('Jak założyć stowarzyszenie zwykłe?')).toBe('jak-zalozyc-stowarzyszenie-zwykle');
    expect(slugify('  1,5% podatku — krok po kroku!  ')).toBe('1-5-podatku-krok-po-kroku');
  });

  it('keeps long titles readable by cutting at a word boundary', () => {
    const slug = slugify('Bardzo długi tytuł poradnika o sprawozdawczości finansowej organizacji pozarządowych i grup nieformalnych w Krakowie');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('uniqueSlug', () => {
  it('returns the slug itself when it is free', async () => {
    expect(await uniqueSlug('warsztaty', async () => false)).toBe('warsztaty');
  });

  it('appends the first free number', async () => {
    const taken = new Set(['warsztaty', 'warsztaty-2']);
    expect(await uniqueSlug('warsztaty', async (s) => taken.has(s))).toBe('warsztaty-3');
  });

  it('never exceeds the maximum length when adding a suffix', async () => {
    const base = 'a'.repeat(MAX_SLUG_LENGTH);
    const slug = await uniqueSlug(base, async (s) => s === base);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-2')).toBe(true);
  });
});
