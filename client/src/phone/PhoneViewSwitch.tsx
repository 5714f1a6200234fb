import { useT } from '../i18n/language-store';
import { usePhoneView } from './phone-layout';

/** "List | Board" at the top of a phone's board: the canvas one tap away, and back. */
export function PhoneViewSwitch() {
  const t = useT();
  const view = usePhoneView((state) => state.view);
  const setView = usePhoneView((state) => state.setView);
  return (
    <div className="phone-switch" role="group" aria-label={t('phone.view.label')} data-testid="phone-switch">
      {(['list', 'canvas'] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={view === option}
          onClick={() => setView(option)}
          data-testid={`phone-view-${option}`}
        >
          {t(option === 'list' ? 'phone.view.list' : 'phone.view.canvas')}
        </button>
      ))}
    </div>
  );
}
