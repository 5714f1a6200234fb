import { describe, expect, it } from 'vitest';
import { languageFromBrowser } from './browser-language';

describe("the browser's language, where the person has not chosen one", () => {
  it('an English browser starts in English, a Polish one in Polish', () => {
    expect(languageFromBrowser(['en-US', 'en'])).toBe('en');
    expect(languageFromBrowser(['en-GB'])).toBe('en');
    expect(languageFromBrowser(['pl-PL', 'pl', 'en-US'])).toBe('pl');
  });
  it('takes the first language the product speaks, in the order the person prefers', () => {
    expect(languageFromBrowser(['de-DE', 'en-US', 'pl'])).toBe('en');
    expect(languageFromBrowser(['uk-UA', 'pl-PL'])).toBe('pl');
  });
  it('Polish when none is spoken here, or nothing is known', () => {
    expect(languageFromBrowser(['de-DE', 'fr'])).toBe('pl');
    expect(languageFromBrowser([])).toBe('pl');
  });
});
