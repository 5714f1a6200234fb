import { describe, expect, it } from 'vitest';
import { PLAN_SECTIONS, type PlanSectionId } from './plan-api';
import { PLAN_SEED_SOURCES, proposePlanSections, type PlanSeedSource } from './plan-seed';

const empty = () => Object.fromEntries(PLAN_SECTIONS.map((id) => [id, ''])) as Record<PlanSectionId, string>;
const source = (stepId: string): PlanSeedSource => {
  const found = PLAN_SEED_SOURCES.find((s) => s.stepId === stepId);
  if (!found) throw new Error(stepId);
  return found;
};

describe('proposing the work plan from the approved notes', () => {
  it('maps Format 0’s topics to challenges, its next formats to organisation, Format 1’s scheme to goals and actions', () => {
    const proposals = proposePlanSections(
      [
        { source: source('choose-topics'), lines: ['Retencja wody', 'Zieleń w szkołach'] },
        { source: source('next-formats'), lines: ['Format 1 w marcu, Płock'] },
        { source: source('agree'), lines: ['Każde miasto ma plan retencji do 2028'] },
        { source: source('sequence'), lines: ['Inwentaryzacja terenów', 'Konsultacje'] },
      ],
      empty(),
    );
    expect(proposals).toEqual({
      challenges: '- Retencja wody\n- Zieleń w szkołach',
      organisation: '- Format 1 w marcu, Płock',
      goals: '- Każde miasto ma plan retencji do 2028',
      actions: '- Inwentaryzacja terenów\n- Konsultacje',
    });
  });

  it('never touches a section that has text, and says nothing of a section the notes are silent on', () => {
    const current = { ...empty(), challenges: 'Nasze wyzwania, spisane przez parę.' };
    const proposals = proposePlanSections(
      [
        { source: source('choose-topics'), lines: ['Retencja wody'] },
        { source: source('resources'), lines: [] },
      ],
      current,
    );
    expect(proposals).toEqual({});
  });

  it('lists a line found at two meetings or by two steps once, with its spaces tidied', () => {
    const proposals = proposePlanSections(
      [
        { source: source('choose-topics'), lines: ['Retencja  wody', ' '] },
        { source: source('topic-meaning'), lines: ['Retencja wody', 'Susze latem'] },
      ],
      empty(),
    );
    expect(proposals.challenges).toBe('- Retencja wody\n- Susze latem');
  });

  it('feeds only sections of the plan, each source from a step of Format 0 or 1', () => {
    for (const s of PLAN_SEED_SOURCES) {
      expect(PLAN_SECTIONS).toContain(s.target);
      expect(['format-0', 'format-1']).toContain(s.format);
    }
  });
});
