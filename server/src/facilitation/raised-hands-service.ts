import type { Identity, RaisedHand } from '@empiria/shared';
import type { ControlWriter } from './control-writer';

/** The queue of raised hands: anyone working on the board raises or lowers their own; the pair lowers any. */
export class RaisedHandsService {
  readonly #control: ControlWriter;

  constructor(control: ControlWriter) {
    this.#control = control;
  }

  set(boardId: string, person: Identity, raised: boolean, now = Date.now()): Promise<RaisedHand[]> {
    return this.#control.update(boardId, 'hands', (current) => {
      const others = (current ?? []).filter((hand) => hand.personId !== person.id);
      if (!raised) return others;
      const mine = (current ?? []).find((hand) => hand.personId === person.id);
      // Raising again keeps your place in the queue.
      const hand = mine ?? { personId: person.id, name: person.name, city: person.city, raisedAt: now };
      return [...others, hand].sort((a, b) => a.raisedAt - b.raisedAt);
    });
  }

  lower(boardId: string, personId: string): Promise<RaisedHand[]> {
    return this.#control.update(boardId, 'hands', (current) =>
      (current ?? []).filter((hand) => hand.personId !== personId),
    );
  }
}
