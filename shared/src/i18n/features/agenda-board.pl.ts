import type { Message } from '../translate';

/** The board that follows a meeting's agenda: own items (break, expert input…) as steps. Polish first; `agenda-board.en.ts` has the same keys. */
export const agendaBoardPl = {} satisfies Record<string, Message>;
