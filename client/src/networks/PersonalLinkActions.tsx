import { useEffect, useState } from 'react';
import type { NetworkPerson } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { ErrorLine } from './ErrorLine';
import { useNetworkStore, type ActionResult } from './network-store';

type LinkState = 'idle' | 'copied' | 'copy-failed' | 'confirming' | 'reissuing' | 'reissued';

/** "Kopiuj link osobisty" and "Wymień link" (after a plain warning that the old link stops working). */
export function PersonalLinkActions({ person, link }: { person: NetworkPerson; link: string }) {
  const t = useT();
  const reissue = useNetworkStore((state) => state.reissueLink);
  const [state, setState] = useState<LinkState>('idle');
  const [result, setResult] = useState<ActionResult | null>(null);

  useEffect(() => {
    if (state !== 'copied' && state !== 'reissued') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('copy-failed');
    }
  }

  async function confirmReissue() {
    setState('reissuing');
    const outcome = await reissue(person.id);
    setResult(outcome);
    setState(outcome.ok ? 'reissued' : 'idle');
  }

  return (
    <div className="personal-link">
      <button
        type="button"
        className="button-secondary"
        aria-label={t('networkAdmin.link.copyFor', { name: person.name })}
        onClick={() => void copy()}
      >
        {state === 'copied' ? t('networkAdmin.link.copied') : t('networkAdmin.link.copy')}
      </button>
      <button
        type="button"
        className="button-quiet"
        aria-label={t('networkAdmin.link.reissueFor', { name: person.name })}
        disabled={state === 'confirming' || state === 'reissuing'}
        onClick={() => setState('confirming')}
      >
        {t('networkAdmin.link.reissue')}
      </button>
      {state === 'copy-failed' && (
        <p className="invite-note">
          {t('networkAdmin.link.copyFailed')}{' '}
          <input
            className="invite-url"
            readOnly
            value={link}
            aria-label={t('networkAdmin.link.copy')}
            onFocus={(event) => event.currentTarget.select()}
          />
        </p>
      )}
      {state === 'reissued' && (
        <p className="invite-note invite-note-ok" role="status">
          {t('networkAdmin.link.reissued')}
        </p>
      )}
      {(state === 'confirming' || state === 'reissuing') && (
        <div className="confirm" role="alertdialog" aria-label={t('networkAdmin.link.reissue')}>
          <p>{t('networkAdmin.link.reissueQuestion', { name: person.name })}</p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button-danger"
              disabled={state === 'reissuing'}
              onClick={() => void confirmReissue()}
            >
              {t('networkAdmin.link.reissueConfirm')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setState('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorLine result={result} />
    </div>
  );
}
