import { z } from 'zod';

/** Formats a board can be created with (their definitions are in the `formats` package). */
export const BOARD_FORMATS = ['blank', 'format-0', 'format-1', 'format-2', 'format-3'] as const;
export const boardFormatSchema = z.enum(BOARD_FORMATS);
export type BoardFormat = z.infer<typeof boardFormatSchema>;
