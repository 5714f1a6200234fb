import { stopEventPropagation, useEditor, useValue } from 'tldraw';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { clusterableSelection, makeCluster, selectedClusters, ungroupClusters } from './clusters';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';

/**
 * "Cluster" above two or more selected notes, "Ungroup" above a selected cluster: the clustering
 * tool where the hands already are. Hidden while dragging, editing, voting, or for read-only people.
 */
export function SelectionActions() {
  const t = useT();
  const editor = useEditor();
  const canWork = useFacilitationStore((state) => state.context?.canWork ?? false);
  // During a vote a click on an item places a dot: no other buttons over the items.
  const voting = useStepStore((state) => state.control.voting?.status === 'open');
  const state = useValue(
    'empiria selection actions',
    () => {
      if (editor.getIsReadonly() || !editor.isIn('select.idle')) return null;
      const bounds = editor.getSelectionPageBounds();
      if (!bounds) return null;
      const notes = clusterableSelection(editor).length;
      const clusters = selectedClusters(editor).length;
      if (notes < 2 && clusters === 0) return null;
      const at = editor.pageToViewport({ x: bounds.center.x, y: bounds.minY });
      return { notes, clusters, x: at.x, y: at.y };
    },
    [editor],
  );
  if (!state || !canWork || voting) return null;
  return (
    <div
      className="fac-selection-actions"
      style={{ left: state.x, top: Math.max(8, state.y - 56) }}
      onPointerDown={stopEventPropagation}
      data-testid="selection-actions"
    >
      {state.notes >= 2 && (
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            const id = makeCluster(editor, t('cluster.defaultName'));
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
    </div>
  );
}
