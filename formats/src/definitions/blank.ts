import { formatDefinitionSchema, type FormatDefinition } from '../format-definition';
import { t } from './common';

/** A board with no template: a free canvas. */
export const blankFormat: FormatDefinition = formatDefinitionSchema.parse({
  id: 'blank',
  version: 1,
  name: t('Pusta tablica', 'Blank board'),
  goal: t('Wolna przestrzeń do pracy bez szablonu.', 'A free space to work without a template.'),
  result: t('To, co grupa wypracuje na tablicy.', 'Whatever the group works out on the board.'),
  whenToUse: t(
    'Gdy prowadzący mają własny sposób pracy albo spotkanie nie wymaga arkuszy.',
    'When the facilitators bring their own way of working or the meeting needs no sheets.',
  ),
  steps: [],
});
