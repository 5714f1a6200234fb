import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const load = (env: NodeJS.ProcessEnv) =>
  loadConfig({ DATA_DIR: '/tmp/empiria-config-test', ...env }, '/dist');

describe('loadConfig', () => {
  it('keeps quiet websockets open and busy rooms at 50 ms by default', () => {
    const config = load({});
    expect(config.http.websocketKeepaliveMs).toBe(10_000);
    expect(config.roomSendIntervalMs).toBe(50);
    expect(config.roomSendIntervalMaxMs).toBe(100);
  });

  it('takes the operator’s keepalive and send interval', () => {
    const config = load({
      WS_KEEPALIVE_MS: '2500',
      ROOM_SEND_INTERVAL_MS: '100',
      ROOM_SEND_INTERVAL_MAX_MS: '250',
    });
    expect(config.http.websocketKeepaliveMs).toBe(2500);
    expect(config.roomSendIntervalMs).toBe(100);
    expect(config.roomSendIntervalMaxMs).toBe(250);
  });

  it('refuses a send interval past a second and a keepalive below 100 ms, naming the variable', () => {
    expect(() => load({ ROOM_SEND_INTERVAL_MS: '5000' })).toThrow(/ROOM_SEND_INTERVAL_MS/);
    expect(() => load({ ROOM_SEND_INTERVAL_MAX_MS: '1500' })).toThrow(/ROOM_SEND_INTERVAL_MAX_MS/);
    expect(() => load({ WS_KEEPALIVE_MS: '10' })).toThrow(/WS_KEEPALIVE_MS/);
  });

  it('[U9] a board takes 300 photos and 1 GiB of them by default, or what the operator sets', () => {
    expect(load({}).photoQuota).toEqual({ maxCount: 300, maxBytes: 1024 * 1024 * 1024 });
    expect(load({ MAX_PHOTOS_PER_BOARD: '40', MAX_PHOTO_MB_PER_BOARD: '200' }).photoQuota).toEqual({
      maxCount: 40,
      maxBytes: 200 * 1024 * 1024,
    });
    expect(() => load({ MAX_PHOTOS_PER_BOARD: '0' })).toThrow(/MAX_PHOTOS_PER_BOARD/);
    expect(() => load({ MAX_PHOTO_MB_PER_BOARD: 'lots' })).toThrow(/MAX_PHOTO_MB_PER_BOARD/);
  });
});
