import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/language-store';

/**
 * A button for an act that cannot be taken back: the first click asks, in plain words, and only
 * the answer "yes" acts, so a stray click or tap never does what nobody can undo.
 */
export function AskOnce({
  label,
  question,
  detail,
  confirmLabel,
  onConfirm,
  disabled = false,
  className = 'button-primary',
  testId,
}: {
  label: string;
  question: string;
  detail?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  disabled?: boolean;
  className?: string;
  testId?: string;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={className}
        onClick={() => setAsking(true)}
        disabled={disabled}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      className="ask-once"
      role="alertdialog"
      aria-label={question}
      data-testid={testId && `${testId}-question`}
    >
      <p>
        <strong>{question}</strong>
      </p>
      {detail && <div className="ask-once-detail">{detail}</div>}
      <div className="ask-once-actions">
        <button
          type="button"
          className="button-primary"
          disabled={disabled}
          onClick={() => {
            setAsking(false);
            void onConfirm();
          }}
          autoFocus
        >
          {confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
