import { describe, expect, it } from 'vitest';
import { blankFormat } from './blank';
import { formatDefinitionSchema } from '../format-definition';

describe('blank format', () => {
  it('is a valid format with no steps', () => {
    expect(formatDefinitionSchema.parse(blankFormat)).toEqual(blankFormat);
    expect(blankFormat.steps).toEqual([]);
  });
  it('refuses a text missing its English version', () => {
    expect(() => formatDefinitionSchema.parse({ ...blankFormat, name: { pl: 'Pusta' } })).toThrow();
  });
});
