import { useT } from '../i18n/language-store';
import { useLocalized } from '../formats/localized';
import { useStepStore } from '../control/step-store';
import { useStepPanelStore } from './panel-store';

/** The board's format by name; opens the format's description (for everyone). */
export function FormatButton() {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const openGuide = useStepPanelStore((state) => state.openGuide);
  if (!format || format.steps.length === 0) return null;
  return (
    <button type="button" className="format-button" onClick={openGuide} data-testid="format-guide-open">
      <span className="format-button-icon" aria-hidden="true">
        i
      </span>
      <span className="format-button-text">
        <span className="format-button-action">{t('guide.open')}</span>
        <span className="format-button-name">{local(format.name)}</span>
      </span>
    </button>
  );
}
