import type { Message } from '../translate';

/** E-mailed invitations and the demo data. Polish first; `mail-demo.en.ts` has the same keys. */
export const mailDemoPl = {} satisfies Record<string, Message>;
