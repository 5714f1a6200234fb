import { z } from 'zod';

export const LANGUAGES = ['pl', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;
/** Polish first: the users are Polish city halls. */
export const DEFAULT_LANGUAGE: Language = 'pl';

/**
 * A message is a plain string or, where it counts something, one string per plural category of
 * Intl.PluralRules (Polish needs one/few/many: 1 zmiana, 2 zmiany, 5 zmian).
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type Dictionary<K extends string> = Record<K, Message>;

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralRule(language: Language): Intl.PluralRules {
  let rule = pluralRules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    pluralRules.set(language, rule);
  }
  return rule;
}

/**
 * Picks the message's form for `params.count` and fills `{name}` placeholders. A placeholder with
 * no value stays visible rather than vanishing, so a missing parameter shows up in screenshots.
 */
export function formatMessage(language: Language, message: Message, params: MessageParams = {}): string {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = typeof params.count === 'number' ? params.count : 0;
    text = message[pluralRule(language).select(count)] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}
