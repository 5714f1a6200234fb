import { useState } from 'react';
import { MAIL_ERROR_CODES, type SendInvitationsResponse } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { useT } from '../i18n/language-store';
import { sendInvitationsByMail } from './invitations-mail-api';

type SendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; response: SendInvitationsResponse }
  | { kind: 'not-configured' }
  | { kind: 'error'; message: string };

/**
 * "Wyślij zaproszenia e-mailem" for the pair on a meeting (issue #11, item 3): sends every invitee
 * who has not had this version of the meeting, then lists each person's outcome — sent, no e-mail
 * address (hand the link over another way), or refused with the mail server's reason. A server
 * without SMTP says who configures it and how. Mounted by the meeting screen with its token.
 */
export function SendInvitationsButton({
  token,
  networkId,
  meetingId,
  onSent,
}: {
  token: string;
  networkId: string;
  meetingId: string;
  /** Called after a send, e.g. to read the invitations again. */
  onSent?: () => void;
}) {
  const t = useT();
  const [state, setState] = useState<SendState>({ kind: 'idle' });

  const send = async () => {
    setState({ kind: 'sending' });
    try {
      const response = await sendInvitationsByMail(token, networkId, meetingId);
      setState({ kind: 'done', response });
      onSent?.();
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === MAIL_ERROR_CODES.smtpNotConfigured) {
        setState({ kind: 'not-configured' });
      } else {
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  return (
    <div className="send-invitations" data-send-invitations={meetingId}>
      <button
        type="button"
        className="button-secondary"
        disabled={state.kind === 'sending'}
        onClick={() => void send()}
      >
        {state.kind === 'sending' ? t('mail.send.sending') : t('mail.send.button')}
      </button>
      {state.kind === 'not-configured' && (
        <p className="network-error" role="alert" data-error-code={MAIL_ERROR_CODES.smtpNotConfigured}>
          {t('mail.send.notConfigured')}
        </p>
      )}
      {state.kind === 'error' && (
        <p className="network-error" role="alert">
          {t('mail.send.error', { message: state.message })}
        </p>
      )}
      {state.kind === 'done' && <SendOutcome response={state.response} />}
    </div>
  );
}

function SendOutcome({ response }: { response: SendInvitationsResponse }) {
  const t = useT();
  const sent = response.results.filter((result) => result.outcome === 'sent').length;
  return (
    <div role="status">
      <p className="invite-note invite-note-ok">
        {t('mail.send.sent', { count: sent })}
        {response.alreadySent > 0 && ` ${t('mail.send.alreadySent', { count: response.alreadySent })}`}
      </p>
      {response.results.length > 0 && (
        <ul className="send-invitations-results">
          {response.results.map((result) => (
            <li key={result.personId} data-outcome={result.outcome}>
              <strong>{result.name}</strong>
              {result.email && <span className="muted"> · {result.email}</span>}
              {' — '}
              {result.outcome === 'failed'
                ? t('mail.send.outcome.failed', { reason: result.reason ?? '' })
                : t(`mail.send.outcome.${result.outcome}`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
