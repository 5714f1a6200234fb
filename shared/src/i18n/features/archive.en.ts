import type { Message } from '../translate';
import type { archivePl } from './archive.pl';

export const archiveEn: Record<keyof typeof archivePl, Message> = {};
