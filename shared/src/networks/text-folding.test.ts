import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets } from './text-folding';
import { ftsMatchExpression, searchWords } from './search-query';
import { searchSnippet } from './search-snippet';

describe('foldText', () => {
  it('drops case and Polish diacritics, ł included (NFD leaves it alone)', () => {
    expect(foldText('Źródła')).toBe('zrodla');
    expect(foldText('ŁÓDŹ')).toBe('lodz');
    expect(foldText('zażółć gęślą jaźń')).toBe('zazolc gesla jazn');
    expect('ł'.normalize('NFD')).toBe('ł');
  });

  it('folds a decomposed text like a composed one', () => {
    expect(foldText('Z\u0301ro\u0301d\u0142a')).toBe('zrodla');
  });

  it('maps each folded unit back to its original character', () => {
    const { original, folded, origin } = foldWithOffsets('Łódź ß');
    expect(folded).toBe('lodz ss');
    expect(origin).toEqual([0, 1, 2, 3, 4, 5, 5]);
    expect(original[origin[6] ?? -1]).toBe('ß');
  });
});

describe('searchWords and the FTS5 expression', () => {
  it('folds the words and requires each as a prefix', () => {
    expect(searchWords('  Źródła  finansowania ')).toEqual(['zrodla', 'finansowania']);
    expect(ftsMatchExpression(searchWords('LODZ'))).toBe('"lodz"*');
    expect(ftsMatchExpression(['a', 'b'])).toBe('"a"* AND "b"*');
  });

  it('leaves nothing of FTS5 syntax: quotes, stars, colons, NEAR, column filters, parentheses', () => {
    const hostile = [
      '"unclosed',
      'a" OR "b',
      'zrodla*',
      'folded:zrodla',
      'NEAR(a b, 2)',
      '(a OR b) NOT c',
      '^start',
      '-minus +plus',
      "'; DROP TABLE search_entries; --",
    ];
    for (const query of hostile) {
      const expression = ftsMatchExpression(searchWords(query)) ?? '';
      // Only quoted words joined by AND: strip them and nothing else remains.
      expect(expression.replace(/"[\p{L}\p{N}]+"\*/gu, '').replace(/ AND /g, '')).toBe('');
    }
    expect(searchWords('NEAR(a b, 2)')).toEqual(['near', 'a', 'b', '2']);
    expect(searchWords('a OR b')).toEqual(['a', 'or', 'b']);
  });

  it('bounds the words: no empty query, at most eight, each at most 40 characters', () => {
    expect(ftsMatchExpression(searchWords('*** ::: ""'))).toBeNull();
    expect(searchWords('a b c d e f g h i j k')).toHaveLength(8);
    expect(searchWords('x'.repeat(100))[0]).toHaveLength(40);
    expect(searchWords('rada Rada RADA')).toEqual(['rada']);
  });
});

describe('searchSnippet', () => {
  it('highlights the original word a folded query found', () => {
    const snippet = searchSnippet('Nowe źródła finansowania w Łodzi', ['zrodla', 'lodz']);
    expect(snippet.text).toBe('Nowe źródła finansowania w Łodzi');
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['źródła', 'Łodzi']);
  });

  it('cuts a long text around the first hit, at spaces, marked with …', () => {
    const text = `${'wstęp '.repeat(60)}tu są źródła ${'koniec '.repeat(60)}`;
    const snippet = searchSnippet(text, ['zrodla'], 80);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(82);
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['źródła']);
  });

  it('highlights only words that start with a searched word', () => {
    const snippet = searchSnippet('rada, przyroda, radny', ['rad']);
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['rada', 'radny']);
  });
});
