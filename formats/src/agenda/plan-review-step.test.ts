import { describe, expect, it } from 'vitest';
import { agendaFormat } from './agenda-format';
import { ownItemKindOf } from './own-item-steps';

describe('the work plan review as an agenda item', () => {
  it('gets a closed sheet of its own, found again by its step id (twice on one agenda too)', () => {
    const format = agendaFormat([
      { kind: 'plan-review', title: '', minutes: 30 },
      { kind: 'step', format: 'format-1', version: 1, stepId: 'agree', minutes: 40 },
      { kind: 'plan-review', title: 'Plan po pół roku', minutes: 20 },
    ]);
    const [first, step, second] = format.steps;
    expect(first).toMatchObject({ id: 'plan-review', observers: 'closed', minutes: 30 });
    expect(first?.title.pl).toBe('Przegląd planu pracy');
    expect(second).toMatchObject({ id: 'plan-review-2', title: { pl: 'Plan po pół roku' } });
    expect(format.steps.map((s) => ownItemKindOf(s.id))).toEqual(['plan-review', null, 'plan-review']);
    expect(step?.id).toBe('agree');
  });
});
