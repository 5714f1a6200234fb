import type { Message } from '../translate';
import type { agendaBoardPl } from './agenda-board.pl';

export const agendaBoardEn: Record<keyof typeof agendaBoardPl, Message> = {};
