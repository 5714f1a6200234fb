import { describe, expect, it } from 'vitest';
import { TOP_BAR_FOLDS, foldsToFit, type TopBarFold } from './top-bar-fit';

/** A bar whose tools need `need` px, each fold saving what `saves` says, within `room` px. */
function bar(room: number, need: number, saves: Partial<Record<TopBarFold, number>>) {
  const tried: string[] = [];
  const fits = (folds: readonly TopBarFold[]) => {
    tried.push(folds.join(' '));
    return need - folds.reduce((sum, fold) => sum + (saves[fold] ?? 0), 0) <= room;
  };
  return { fits, tried };
}

describe('foldsToFit', () => {
  it('folds nothing when everything fits', () => {
    const { fits, tried } = bar(1920, 1500, {});
    expect(foldsToFit(fits)).toEqual([]);
    expect(tried).toEqual(['']);
  });

  it('gives up the words in order, and no more than it must', () => {
    const { fits, tried } = bar(1000, 1200, { names: 90, room: 40, surveys: 60, role: 100 });
    expect(foldsToFit(fits)).toEqual(['names', 'room', 'surveys', 'role']);
    expect(tried).toEqual(['', 'names', 'names room', 'names room surveys', 'names room surveys role']);
  });

  it('the names go first and the tools take a row of their own last', () => {
    expect(TOP_BAR_FOLDS[0]).toBe('names');
    expect(TOP_BAR_FOLDS.at(-1)).toBe('wrap');
    const { fits } = bar(300, 1200, { names: 90 });
    expect(foldsToFit(fits)).toEqual(TOP_BAR_FOLDS);
  });
});
