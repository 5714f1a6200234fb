import { votingStateSchema, type ControlKey, type ObserverAccess, type VotingState } from '@empiria/shared';

/**
 * What observers receive of the control document (docs/observers.md): where the meeting is and
 * which steps they follow, the timer, and the room display's page and vote results while the
 * step is open. Never: raised hands and private writing (names), the leader's follow and summon,
 * locks, the step log, set-aside records, or who voted for what.
 */
const ALWAYS: readonly ControlKey[] = ['format', 'step', 'timer'];
const WHILE_OPEN: readonly ControlKey[] = ['roomPage'];

/**
 * The control entries of the stream, from the control document's raw entries. Values are copied
 * as they are (the control document's rules validated them); `observerAccess` is always written,
 * so observers know which steps they will see.
 */
export function streamedControl(
  control: ReadonlyMap<string, unknown>,
  openSteps: ReadonlySet<string>,
  observerAccess: ObserverAccess,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key of ALWAYS) if (control.has(key)) out.set(key, control.get(key));
  out.set('observerAccess', observerAccess);
  // Observers see what the group wrote, not who: the room display's author labels stay off.
  out.set('showAuthors', false);
  const step = control.get('step') as { id?: unknown } | undefined;
  const current = typeof step?.id === 'string' ? step.id : null;
  const open = current !== null && openSteps.has(current);
  if (open) for (const key of WHILE_OPEN) if (control.has(key)) out.set(key, control.get(key));
  const voting = votingStateSchema.safeParse(control.get('voting'));
  if (voting.success && voting.data.settings.stepId !== null && openSteps.has(voting.data.settings.stepId)) {
    out.set('voting', anonymous(voting.data));
  }
  return out;
}

function anonymous(voting: VotingState): VotingState {
  return {
    ...voting,
    ranking: voting.ranking?.map(({ voters: _voters, ...entry }) => entry) ?? null,
  };
}
