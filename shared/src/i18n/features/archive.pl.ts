import type { Message } from '../translate';

/** A network's archive, attendance matrix, search, and the office overview. Polish first; `archive.en.ts` has the same keys. */
export const archivePl = {} satisfies Record<string, Message>;
