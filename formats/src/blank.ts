import { formatDefinitionSchema, type FormatDefinition } from './format-definition';

/** A board with no template: a free canvas. */
export const blankFormat: FormatDefinition = formatDefinitionSchema.parse({
  id: 'blank',
  version: 1,
  name: { pl: 'Pusta tablica', en: 'Blank board' },
  goal: {
    pl: 'Wolna przestrzeń do pracy bez szablonu.',
    en: 'A free space to work without a template.',
  },
  steps: [],
});
