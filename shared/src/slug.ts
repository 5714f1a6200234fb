import { z } from 'zod';

/**
 * Ids of formats, steps, zones and their parts: lower-case words joined by single hyphens. No
 * double hyphen and no dot, so that template shape ids can join them with `--` and cell ids with
 * `.` without two different paths ever producing the same id.
 */
export const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-"');
