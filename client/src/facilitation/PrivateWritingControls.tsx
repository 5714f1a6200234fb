import { useState } from 'react';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { revealPrivateAct, startPrivateAct } from './acts';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';
import { useSession } from '../session/board-context';

/** Start a round for the current step; reveal it, after one plain question. */
export function PrivateWritingControls() {
  const session = useSession();
  const t = useT();
  const round = useStepStore((state) => state.control.privateWriting);
  const busy = useFacilitationStore((state) => state.busy.private ?? false);
  const [asking, setAsking] = useState(false);
  const writing = round?.status === 'writing';
  return (
    <section className="console-section" aria-labelledby="console-private" data-testid="console-private">
      <h3 id="console-private">{t('private.heading')}</h3>
      {writing ? (
        <>
          <p className="console-status console-status-live" role="status" data-testid="private-counts">
            <Icon name="pen" />
            <span>
              <strong>{t('private.notes', { count: round.noteCount })}</strong>
              {' · '}
              {t('private.writers', { count: round.writerCount })}
            </span>
          </p>
          {asking ? (
            <div className="confirm" role="alertdialog" aria-labelledby="reveal-question">
              <p id="reveal-question">
                <strong>{t('private.revealQuestion', { count: round.noteCount })}</strong>
              </p>
              <div className="confirm-actions">
                <button
                  type="button"
                  className="button-primary"
                  disabled={busy}
                  autoFocus
                  onClick={() => {
                    setAsking(false);
                    void revealPrivateAct(session);
                  }}
                  data-testid="reveal-confirm"
                >
                  {t('private.revealConfirm')}
                </button>
                <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => setAsking(true)}
              data-testid="reveal"
            >
              {t('private.reveal')}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="console-hint">{t('private.startHint')}</p>
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => void startPrivateAct(session)}
            data-testid="private-start"
          >
            <Icon name="pen" />
            {t('private.start')}
          </button>
        </>
      )}
    </section>
  );
}
