import type { Message } from '../translate';

/** The office's and the pair's network pages: members, people, links, meetings, agenda editor. Polish first; `network-admin.en.ts` has the same keys. */
export const networkAdminPl = {} satisfies Record<string, Message>;
