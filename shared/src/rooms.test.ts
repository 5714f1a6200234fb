import { describe, expect, it } from 'vitest';
import { parseRoomPath, roomKey, roomPath } from './rooms';

describe('room addresses', () => {
  it('round-trips a room path', () => {
    const address = { boardId: 'Abc_123-x', doc: 'control' as const };
    expect(parseRoomPath(roomPath(address))).toEqual(address);
    expect(roomKey(address)).toBe('Abc_123-x/control');
  });
  it.each([
    '/ws/abc/canvas',
    '/ws/../../canvas',
    '/ws/abcdefg/other',
    '/ws/abcdefg/canvas/x',
    '/api/abcdefg/canvas',
    '/ws/abc%20def/canvas',
  ])('refuses %s', (path) => {
    expect(parseRoomPath(path)).toBeNull();
  });
});
