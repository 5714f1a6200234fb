import type { Message } from '../translate';

/** A person's home from their personal link: networks, next meeting, past notes, join. Polish first; `home.en.ts` has the same keys. */
export const homePl = {} satisfies Record<string, Message>;
