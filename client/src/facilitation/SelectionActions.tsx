import { useLayoutEffect, useRef, useState } from 'react';
import { carryTargetOf, nextStepId } from '@empiria/formats';
import { stopEventPropagation, useEditor, useValue } from 'tldraw';
import type { Box, Editor, TLShapeId } from 'tldraw';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { placeActionBar, type ScreenBox } from './action-bar-place';
import { carryItems, selectedItems } from './carry';
import { clusterableSelection, makeCluster, selectedClusters, ungroupClusters } from './clusters';
import { isClusterShape } from '../notes/cluster';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';
import { useRights } from './use-rights';

/**
 * Screen pixels around the selection where the bar may go (its size and margin, with room to
 * spare): only notes there can be in its way.
 */
const REACH_PX = 600;
/** Until the bar has been measured once: about two buttons. */
const FIRST_SIZE = { w: 260, h: 40 };

/**
 * "Cluster" above two or more selected notes, "Ungroup" above a selected cluster, "To sheet N"
 * for the selected notes and clusters of a step whose next sheet takes them: the tools where the
 * hands already are. The bar sits beside the selection where it covers no other note or cluster
 * (`placeActionBar`). Hidden while dragging, editing, voting, or for read-only people.
 */
export function SelectionActions() {
  const t = useT();
  const local = useLocalized();
  const editor = useEditor();
  const canWork = useRights().canWork;
  // During a vote a click on an item places a dot: no other buttons over the items.
  const voting = useStepStore((state) => state.control.voting?.status === 'open');
  const format = useStepStore((state) => state.format);
  const layout = format && format.steps.length > 0 ? layoutOf(format) : null;
  const barRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(FIRST_SIZE);
  const state = useValue(
    'empiria selection actions',
    () => {
      if (editor.getIsReadonly() || !editor.isIn('select.idle')) return null;
      const bounds = editor.getSelectionPageBounds();
      // A selection out of view has no buttons: pinned to the screen's edge they would cover others.
      if (!bounds || !editor.getViewportPageBounds().collides(bounds)) return null;
      const notes = clusterableSelection(editor).length;
      const clusters = selectedClusters(editor).length;
      const carryTo = layout && format ? carryStep(editor, layout, format) : null;
      if (notes < 2 && clusters === 0 && !carryTo) return null;
      const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY });
      const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY });
      const selection = {
        x: topLeft.x,
        y: topLeft.y,
        w: bottomRight.x - topLeft.x,
        h: bottomRight.y - topLeft.y,
      };
      const view = editor.getViewportScreenBounds();
      return {
        notes,
        clusters,
        carryTo,
        selection,
        obstacles: neighbours(editor, bounds.clone().expandBy(REACH_PX / editor.getZoomLevel())),
        view: { w: view.w, h: view.h },
      };
    },
    [editor, layout, format],
  );
  // Measured whenever its buttons change, so the placement knows the bar's real size.
  const buttons = state ? `${state.notes >= 2}|${state.clusters > 0}|${state.carryTo?.number ?? ''}` : '';
  useLayoutEffect(() => {
    const el = barRef.current;
    if (!el) return;
    const measured = { w: el.offsetWidth, h: el.offsetHeight };
    if (measured.w !== size.w || measured.h !== size.h) setSize(measured);
  }, [buttons, size.w, size.h]);
  if (!state || !canWork || voting) return null;
  const at = placeActionBar(state.selection, size, state.obstacles, state.view);
  return (
    <div
      ref={barRef}
      className="fac-selection-actions"
      style={{ left: at.x, top: at.y }}
      onPointerDown={stopEventPropagation}
      data-testid="selection-actions"
    >
      {state.notes >= 2 && (
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            const id = makeCluster(editor, t('cluster.defaultName'), layout);
            if (id) useFacilitationStore.getState().say('cluster.hint');
          }}
          data-testid="cluster-make"
        >
          <Icon name="cluster" />
          {t('cluster.make')}
        </button>
      )}
      {state.clusters > 0 && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => ungroupClusters(editor)}
          data-testid="cluster-ungroup"
        >
          <Icon name="ungroup" />
          {t('cluster.ungroup')}
        </button>
      )}
      {state.carryTo && layout && format && (
        <button
          type="button"
          className="button-secondary"
          title={t('carry.toNextTitle', {
            number: state.carryTo.number,
            title: local(state.carryTo.title),
          })}
          onClick={() => {
            const to = state.carryTo!;
            const outcome = carryItems(editor, layout, format, to.stepId, selectedItems(editor, layout));
            if (!outcome) return;
            const say = useFacilitationStore.getState().say;
            if (outcome.left > 0)
              say('carry.left', { count: outcome.left, carried: outcome.carried, number: to.number });
            else say('carry.done', { count: outcome.carried, number: to.number });
          }}
          data-testid="carry-next"
        >
          <Icon name="carry" />
          {t('carry.toNext', { number: state.carryTo.number })}
        </button>
      )}
    </div>
  );
}

/** The next step, when every selected item lies on one step's sheet and the next sheet takes them. */
function carryStep(
  editor: Editor,
  layout: ReturnType<typeof layoutOf>,
  format: NonNullable<ReturnType<typeof useStepStore.getState>['format']>,
) {
  const items = selectedItems(editor, layout);
  if (items.length === 0 || items.length !== editor.getSelectedShapeIds().length) return null;
  const steps = new Set(items.map((item) => item.zone?.stepId ?? null));
  const from = [...steps][0];
  if (steps.size !== 1 || !from) return null;
  const to = nextStepId(format, from);
  if (!to || !carryTargetOf(layout, format, to)) return null;
  const index = format.steps.findIndex((step) => step.id === to);
  return { stepId: to, number: index + 1, title: format.steps[index]!.title };
}

/**
 * The screen boxes of the notes and clusters in `region` (page coordinates) that are not selected
 * (nor in a selected cluster), through tldraw's spatial index: this runs on every camera move
 * while something is selected.
 */
function neighbours(editor: Editor, region: Box): ScreenBox[] {
  const selected = new Set(editor.getSelectedShapeIds());
  const boxes: ScreenBox[] = [];
  for (const id of editor.getShapeIdsInsideBounds(region)) {
    const shape = editor.getShape(id);
    if (!shape || (shape.type !== 'note' && !isClusterShape(shape))) continue;
    if (selected.has(shape.id) || selected.has(shape.parentId as TLShapeId)) continue;
    const bounds = editor.getShapePageBounds(shape.id);
    if (!bounds) continue;
    const a = editor.pageToViewport({ x: bounds.minX, y: bounds.minY });
    const b = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY });
    boxes.push({ x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y });
  }
  return boxes;
}
