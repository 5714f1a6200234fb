import { useT } from '../i18n/language-store';
import { hasContinuity, useContinuityStore } from './continuity-store';
import './continuity.css';

/**
 * One line under the current step, when earlier meetings brought something: the card itself sits
 * below the step's text, out of view on a laptop, so this takes the eye (and the keyboard) there.
 */
export function ContinuityJump() {
  const t = useT();
  const continuity = useContinuityStore((state) => state.continuity);
  if (!hasContinuity(continuity)) return null;
  const jump = () => {
    const card = document.getElementById('continuity');
    if (!card) return;
    // Only the panel's lower part scrolls: the current step above it stays as it is.
    const scroller = card.closest<HTMLElement>('.step-panel-more');
    if (scroller) {
      const top =
        scroller.scrollTop + card.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTo({ top, behavior: 'smooth' });
    } else {
      card.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    }
    card.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
  };
  return (
    <button type="button" className="continuity-jump" onClick={jump} data-testid="continuity-jump">
      {t('continuity.jump')} <span aria-hidden="true">↓</span>
    </button>
  );
}
