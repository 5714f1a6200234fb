import { describe, expect, it } from 'vitest';
import { openStepIds } from '@empiria/shared';
import { format2 } from '../definitions/format-2';
import { layoutFormat } from '../layout/sheet-layout';
import { streamedRecords } from './stream-projection';
import { streamedControl } from './stream-control';

const layout = layoutFormat(format2);
const sheet = (stepId: string) => layout.sheets.find((s) => s.stepId === stepId)!;
const note = (id: string, stepId: string, text: string, parentId = 'page:page') => ({
  id,
  typeName: 'shape',
  type: 'note',
  parentId,
  x: parentId === 'page:page' ? sheet(stepId).x + 300 : 10,
  y: parentId === 'page:page' ? sheet(stepId).y + 600 : 10,
  props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
  meta: { empiria: { author: { id: 'p1', name: 'Ala', city: 'Lublin' }, zone: 'facts' } },
});
const records = (list: { id: string }[]) => new Map(list.map((r) => [r.id, r as unknown]));

describe('the observers’ stream [P7]', () => {
  const open = openStepIds(format2.steps, {});

  it('opens the first step and the approval by default, and closes the working steps', () => {
    expect([...open]).toEqual(['challenge', 'approval']);
    expect([...openStepIds(format2.steps, { barriers: 'open', approval: 'closed' })]).toEqual([
      'challenge',
      'barriers',
    ]);
  });

  it('streams the notes of open sheets without their authors, and nothing of closed ones', () => {
    const out = streamedRecords(
      records([
        { id: 'document:document', typeName: 'document' } as { id: string },
        { id: 'page:page', typeName: 'page' } as { id: string },
        note('shape:open', 'challenge', 'Mało zieleni'),
        note('shape:closed', 'barriers', 'Brak pieniędzy'),
        { id: 'user:someone', typeName: 'user' } as { id: string },
      ]),
      layout,
      open,
    );
    expect([...out.keys()]).toEqual(['document:document', 'page:page', 'shape:open']);
    expect(JSON.stringify([...out.values()])).not.toContain('Brak pieniędzy');
    expect(JSON.stringify([...out.values()])).not.toContain('Ala');
    expect(out.get('shape:open')).toMatchObject({ meta: { empiria: { zone: 'facts' } } });
  });

  it('projects the same record to the same object each time, and a changed record afresh', () => {
    const page = { id: 'page:page', typeName: 'page' } as { id: string };
    const before = note('shape:open', 'challenge', 'Mało zieleni');
    const first = streamedRecords(records([page, before]), layout, open).get('shape:open');
    // The stream's writer recognises an unchanged record by identity: no comparison of its JSON.
    expect(streamedRecords(records([page, before]), layout, open).get('shape:open')).toBe(first);
    const after = note('shape:open', 'challenge', 'Dużo zieleni');
    const changed = streamedRecords(records([page, after]), layout, open).get('shape:open');
    expect(changed).not.toBe(first);
    expect(JSON.stringify(changed)).toContain('Dużo zieleni');
    expect(JSON.stringify(changed)).not.toContain('Ala');
  });

  it('streams a nested shape only with its parents, a binding only with both ends, never a picture', () => {
    const frame = { ...note('shape:frame', 'challenge', ''), type: 'frame', props: { w: 400, h: 400 } };
    const closedFrame = { ...note('shape:frame2', 'barriers', ''), type: 'frame', props: { w: 400, h: 400 } };
    const out = streamedRecords(
      records([
        { id: 'page:page', typeName: 'page' } as { id: string },
        frame,
        closedFrame,
        note('shape:child', 'challenge', 'W ramce', 'shape:frame'),
        note('shape:hidden-child', 'barriers', 'W zamkniętej', 'shape:frame2'),
        note('shape:other', 'challenge', 'Druga'),
        { ...note('shape:photo', 'challenge', ''), type: 'image' },
        { id: 'binding:a', typeName: 'binding', fromId: 'shape:child', toId: 'shape:other' } as {
          id: string;
        },
        { id: 'binding:b', typeName: 'binding', fromId: 'shape:other', toId: 'shape:hidden-child' } as {
          id: string;
        },
      ]),
      layout,
      open,
    );
    expect([...out.keys()].sort()).toEqual(
      ['binding:a', 'page:page', 'shape:child', 'shape:frame', 'shape:other'].sort(),
    );
  });

  it('streams nothing of a board without sheets', () => {
    const out = streamedRecords(records([note('shape:n', 'challenge', 'x')]), null, new Set(['challenge']));
    expect(out.size).toBe(0);
  });

  it('gives observers the step, the timer and the open step’s vote, without names', () => {
    const voting = {
      sessionId: 'v1',
      settings: {
        stepId: 'approval',
        targets: ['shape:a'],
        votesPerPerson: 3,
        multiplePerItem: false,
        anonymous: false,
        results: 'live',
      },
      status: 'closed',
      openedAt: 1,
      closedAt: 2,
      voterCount: 1,
      ranking: [
        { targetId: 'shape:a', votes: 1, place: 1, voters: [{ id: 'p1', name: 'Ala', city: 'Lublin' }] },
      ],
    };
    const control = new Map<string, unknown>([
      ['step', { index: 1, id: 'barriers', startedAt: 1 }],
      ['timer', { status: 'stopped' }],
      ['hands', [{ personId: 'p1', name: 'Ala' }]],
      ['privateWriting', { active: true }],
      ['roomPage', { stepId: 'barriers', page: 2 }],
      ['voting', voting],
    ]);
    const out = streamedControl(control, open, {});
    expect([...out.keys()].sort()).toEqual(
      ['observerAccess', 'showAuthors', 'step', 'timer', 'voting'].sort(),
    );
    expect(JSON.stringify([...out.values()])).not.toContain('Ala');
    const closedVote = streamedControl(
      new Map([...control, ['voting', { ...voting, settings: { ...voting.settings, stepId: 'barriers' } }]]),
      open,
      {},
    );
    expect(closedVote.has('voting')).toBe(false);
  });
});
