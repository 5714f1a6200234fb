import { describe, expect, it } from 'vitest';
import { CITY_PALETTE, cityColor } from './identity';

describe('city colours', () => {
  it('are stable, ignore case and spacing, and come from the palette', () => {
    expect(cityColor('Gdynia')).toBe(cityColor(' gdynia '));
    expect(CITY_PALETTE).toContain(cityColor('Łódź'));
  });
  it('spread a network of cities over the palette', () => {
    const cities = [
      'Gdynia',
      'Poznań',
      'Kraków',
      'Lublin',
      'Łódź',
      'Wrocław',
      'Gdańsk',
      'Szczecin',
      'Rzeszów',
      'Opole',
    ];
    expect(new Set(cities.map(cityColor)).size).toBeGreaterThanOrEqual(6);
  });
});
