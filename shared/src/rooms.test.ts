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

describe('network room addresses', () => {
  it('round-trips a network room path, never read as a board room', () => {
    const address = { networkId: 'net_Abc-123', doc: 'plan' as const };
    expect(roomPath(address)).toBe('/ws/networks/net_Abc-123/plan');
    expect(parseRoomPath(roomPath(address))).toEqual(address);
    expect(roomKey(address)).toBe('networks/net_Abc-123/plan');
  });
  it.each([
    '/ws/networks/plan',
    '/ws/networks/abc/plan',
    '/ws/networks/abcdefg/canvas',
    '/ws/networks/abcdefg/plan/x',
    '/ws/networks/../plan',
    '/ws/abcdefg/plan',
  ])('refuses %s', (path) => {
    expect(parseRoomPath(path)).toBeNull();
  });
});
