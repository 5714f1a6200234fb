import { describe, expect, it } from 'vitest';
import { controlValueProblem } from '../control/control-state';
import { pageShown, turnRoomPage } from './room-page';

describe('the room display’s page', () => {
  it('is the first page for another step, none asked, or a display with one page', () => {
    expect(pageShown(null, 'a', 3)).toBe(0);
    expect(pageShown({ stepId: 'b', page: 2 }, 'a', 3)).toBe(0);
    expect(pageShown({ stepId: 'a', page: 2 }, 'a', 1)).toBe(0);
  });

  it('wraps around what this display has', () => {
    expect(pageShown({ stepId: 'a', page: 1 }, 'a', 3)).toBe(1);
    expect(pageShown({ stepId: 'a', page: 3 }, 'a', 3)).toBe(0);
    expect(pageShown({ stepId: 'a', page: 5 }, 'a', 2)).toBe(1);
  });

  it('turns from the step’s own page, never below the first', () => {
    expect(turnRoomPage(null, 'a', 1)).toEqual({ stepId: 'a', page: 1 });
    expect(turnRoomPage({ stepId: 'a', page: 1 }, 'a', 1)).toEqual({ stepId: 'a', page: 2 });
    expect(turnRoomPage({ stepId: 'b', page: 4 }, 'a', 1)).toEqual({ stepId: 'a', page: 1 });
    expect(turnRoomPage({ stepId: 'a', page: 0 }, 'a', -1)).toEqual({ stepId: 'a', page: 0 });
  });

  it('is a control key the pair writes, checked like every other', () => {
    expect(controlValueProblem('roomPage', { stepId: 'a', page: 2 })).toBeNull();
    expect(controlValueProblem('roomPage', { stepId: 'a', page: -1 })).not.toBeNull();
    expect(controlValueProblem('roomPage', { stepId: '', page: 0 })).not.toBeNull();
    expect(controlValueProblem('roomPage', { stepId: 'a', page: 1.5 })).not.toBeNull();
  });
});
