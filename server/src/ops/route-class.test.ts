import { describe, expect, it } from 'vitest';
import { routeClassOf } from './route-class';

describe('routeClassOf', () => {
  it('names the area of the API, never an id', () => {
    expect(routeClassOf('/api/boards/b_8f3k2/join')).toBe('api_boards');
    expect(routeClassOf('/api/networks/net-zielona/forum/threads')).toBe('api_networks');
    expect(routeClassOf('/api/config')).toBe('api_config');
    expect(routeClassOf('/api/me/forum')).toBe('api_me');
  });

  it('puts anything unknown in one bucket, so a scanner cannot add series', () => {
    expect(routeClassOf('/api/wp-admin')).toBe('api_other');
    expect(routeClassOf('/api')).toBe('api_other');
    expect(routeClassOf('/api/')).toBe('api_other');
    expect(routeClassOf('/wp-login.php')).toBe('static');
    expect(routeClassOf('/b/b_8f3k2')).toBe('static');
  });

  it('keeps health, metrics and the public pages apart', () => {
    expect(routeClassOf('/healthz')).toBe('health');
    expect(routeClassOf('/healthz/live')).toBe('health');
    expect(routeClassOf('/metrics')).toBe('metrics');
    expect(routeClassOf('/public/networks/net-zielona/feed.xml')).toBe('public');
    expect(routeClassOf(null)).toBe('unparsed');
  });
});
