import { carryTargetOf, previousStepId } from '@empiria/formats';
import { useStepStore } from '../control/step-store';
import { useBoardEditor } from '../session/board-context';
import { layoutOf } from '../formats/format-layout';
import { useT } from '../i18n/language-store';
import { useEditorValue } from './board-items';
import {
  carriedWinnerIds,
  carryItems,
  carryWinners,
  rankedItems,
  sheetItems,
  type CarryOutcome,
} from './carry';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';

/**
 * "Carry onto this sheet": the previous sheet's notes and clusters, or the last vote's winners,
 * onto the current step's sheet in one click — steps 3, 4 and 5 of Format 2 start with it — with
 * no zooming out and no rubber band.
 */
export function CarryControls() {
  const boardEditor = useBoardEditor();
  const t = useT();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const voting = useStepStore((state) => state.control.voting);
  const step = format && currentIndex !== null ? format.steps[currentIndex] : undefined;
  const previous = format && step ? previousStepId(format, step.id) : null;
  const layout = format && format.steps.length > 0 ? layoutOf(format) : null;
  const target = format && layout && step ? carryTargetOf(layout, format, step.id) : null;
  const count = useEditorValue(
    'carry from previous',
    (editor) => (layout && previous ? sheetItems(editor, layout, previous).length : 0),
    0,
    [layout, previous],
  );
  const ranking = voting?.status === 'closed' ? (voting.ranking ?? []) : [];
  // Numbers, not an object: a value read reactively compares by identity.
  const named = useEditorValue(
    'carry winners named',
    (editor) => (target ? carriedWinnerIds(editor, target.stepId).size : 0),
    0,
    [target?.stepId],
  );
  const winners = useEditorValue(
    'carry winners',
    (editor) => {
      if (!layout || !target || target.kind !== 'cells') return 0;
      const onBoard = new Set(rankedItems(editor, layout, ranking).map((item) => item.id));
      const carried = carriedWinnerIds(editor, target.stepId);
      const fresh = ranking.filter(
        (entry) => entry.votes > 0 && onBoard.has(entry.targetId) && !carried.has(entry.targetId),
      );
      return Math.min(fresh.length, Math.max(0, target.cells.length - carried.size));
    },
    0,
    [layout, target?.stepId, ranking],
  );
  // Only where the format says the step starts from the previous sheet (Format 2: steps 3–5).
  if (!format || !step?.carry || !previous || !layout) return null;
  const number = currentIndex! + 1;
  const done = (outcome: CarryOutcome | null) => {
    if (!outcome) return;
    const say = useFacilitationStore.getState().say;
    if (outcome.left > 0) say('carry.left', { count: outcome.left, carried: outcome.carried, number });
    else say('carry.done', { count: outcome.carried, number });
  };
  return (
    <section className="console-section" aria-labelledby="console-carry" data-testid="console-carry">
      <h3 id="console-carry">{t('carry.heading')}</h3>
      {!target ? (
        <p className="console-hint">{t('carry.noTarget')}</p>
      ) : (
        <>
          {step.carry === 'notes' && (
            <>
              <p className="console-hint">{t('carry.hint')}</p>
              <p className="console-hint" data-testid="carry-count">
                {count > 0
                  ? t('carry.count', { count, number: number - 1 })
                  : t('carry.nothing', { number: number - 1 })}
              </p>
              <button
                type="button"
                className="button-primary"
                disabled={count === 0}
                onClick={() => {
                  const e = boardEditor;
                  if (e) done(carryItems(e, layout, format, step.id, sheetItems(e, layout, previous)));
                }}
                data-testid="carry-previous"
              >
                <Icon name="carry" />
                {t('carry.fromPrevious', { number: number - 1 })}
              </button>
            </>
          )}
          {step.carry === 'winners' && winners === 0 && (
            <p className="console-hint" data-testid="carry-no-vote">
              {named > 0 ? t('carry.winnersDone') : t('carry.noVote', { number: number - 1 })}
            </p>
          )}
          {step.carry === 'winners' && winners > 0 && (
            <>
              <p className="console-hint">{t('carry.winnersHint', { count: winners })}</p>
              <button
                type="button"
                className="button-primary"
                onClick={() => {
                  const e = boardEditor;
                  if (e) done(carryWinners(e, layout, format, step.id, ranking));
                }}
                data-testid="carry-winners"
              >
                <Icon name="carry" />
                {t('carry.winners')}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
