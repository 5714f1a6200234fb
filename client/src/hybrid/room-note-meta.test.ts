import { describe, expect, it } from 'vitest';
import { format2, layoutFormat } from '@empiria/formats';
import { noteAuthorOf, noteZoneOf } from '@empiria/shared';
import { isRoomNote, scribeNoteMeta } from './room-note-meta';
import { scribeTargets } from '../zones/scribe-targets';

const layout = layoutFormat(format2);
const scribe = { id: 'p1', name: 'Olek Nowak', city: 'Gdynia', role: 'organiser' as const, color: '#1b6ca8' };

describe('a note typed in by the scribe', () => {
  it('is marked as written in the room, signed by the scribe, in its zone and cell', () => {
    const target = scribeTargets(layout, 'priorities')[2]!;
    const meta = scribeNoteMeta(scribe, target);
    expect(isRoomNote({ meta })).toBe(true);
    expect(noteAuthorOf({ meta })).toEqual({ id: 'p1', name: 'Olek Nowak', city: 'Gdynia' });
    expect(noteZoneOf({ meta })).toEqual({ stepId: 'priorities', zoneId: 'top', cellId: 'barrier-2' });
  });
  it('tells other notes apart', () => {
    expect(isRoomNote({})).toBe(false);
    expect(isRoomNote({ meta: { empiria: { source: 'online' } } })).toBe(false);
    expect(isRoomNote({ meta: null })).toBe(false);
  });
});
