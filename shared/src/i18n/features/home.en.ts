import type { Message } from '../translate';
import type { homePl } from './home.pl';

export const homeEn: Record<keyof typeof homePl, Message> = {};
