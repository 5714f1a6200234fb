import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translate } from './index';
import { pl } from './pl';
import { formatMessage } from './translate';

describe('i18n', () => {
  it('English defines every Polish key, and no text is empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    for (const dict of [pl, en]) {
      for (const [key, message] of Object.entries(dict)) {
        const forms = typeof message === 'string' ? [message] : Object.values(message);
        for (const form of forms) expect(form.trim(), key).not.toBe('');
      }
    }
  });
  it('picks Polish plural forms', () => {
    const message = {
      one: '{count} zmiana',
      few: '{count} zmiany',
      many: '{count} zmian',
      other: '{count} zmiany',
    };
    expect([1, 2, 5, 22, 25].map((count) => formatMessage('pl', message, { count }))).toEqual([
      '1 zmiana',
      '2 zmiany',
      '5 zmian',
      '22 zmiany',
      '25 zmian',
    ]);
  });
  it('leaves a missing placeholder visible', () => {
    expect(formatMessage('en', 'Hello {name}', {})).toBe('Hello {name}');
    expect(translate('pl', 'role.observer')).toBe('Miasto obserwator');
  });
});
