import type { Message } from '../translate';
import type { networkAdminPl } from './network-admin.pl';

export const networkAdminEn: Record<keyof typeof networkAdminPl, Message> = {};
