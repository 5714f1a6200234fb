import { en } from './en';
import { pl, type MessageKey } from './pl';
import { formatMessage, type Language, type Message, type MessageParams } from './translate';

const DICTIONARIES: Record<Language, Record<MessageKey, Message>> = { pl, en };

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return formatMessage(language, DICTIONARIES[language][key], params);
}

export { DICTIONARIES };
export type { MessageKey };
