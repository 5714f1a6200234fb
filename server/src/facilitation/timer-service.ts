import { applyTimerAction, STOPPED_TIMER, type TimerAction, type TimerState } from '@empiria/shared';
import { DomainError } from '../domain-error';
import type { ControlWriter } from './control-writer';

/** The timer, stamped with the server's clock so every screen counts down to the same instant. */
export class TimerService {
  readonly #control: ControlWriter;

  constructor(control: ControlWriter) {
    this.#control = control;
  }

  apply(boardId: string, action: TimerAction, now = Date.now()): Promise<TimerState> {
    return this.#control.update(boardId, 'timer', (current) => {
      const result = applyTimerAction(current ?? STOPPED_TIMER, action, now);
      if (!result.ok) throw new DomainError('conflict', 'timer_conflict', result.reason);
      return result.state;
    });
  }
}
