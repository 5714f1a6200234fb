import type { Message } from '../translate';
import type { mailDemoPl } from './mail-demo.pl';

export const mailDemoEn: Record<keyof typeof mailDemoPl, Message> = {};
