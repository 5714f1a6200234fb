import { useState } from 'react';
import { cityColor } from '@empiria/shared';
import type { JoinResponse, PersonEntry } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { AskOnce } from '../summary/AskOnce';
import { Icon } from '../ui/icons';
import { PersonBadge } from '../ui/PersonBadge';
import { joinTime, mergeCandidates, peopleByLink, type PersonRow } from './people-view';
import { usePeopleStore } from './people-store';
import './people.css';

/**
 * The facilitator's list of everyone who joined, grouped by the link they came through, online or
 * not ([I2]). Two entries of one human (two devices) are merged, an entry that should not count
 * is removed ([I3]); each act asks once, in plain words.
 */
export function PeopleRoster({ session }: { session: JoinResponse }) {
  const t = useT();
  const open = usePeopleStore((state) => state.open);
  const people = usePeopleStore((state) => state.people);
  const loaded = usePeopleStore((state) => state.loaded);
  const error = usePeopleStore((state) => state.error);
  const hide = usePeopleStore((state) => state.hide);
  if (!open) return null;
  const { groups, removed } = peopleByLink(people);
  return (
    <div
      className="people-roster-backdrop"
      onClick={(event) => {
        if (event.target === event.currentTarget) hide();
      }}
    >
      <section
        className="people-roster"
        role="dialog"
        aria-modal="true"
        aria-labelledby="people-roster-heading"
        data-testid="people-roster"
        onKeyDown={(event) => {
          if (event.key === 'Escape') hide();
        }}
      >
        <header className="people-roster-header">
          <h2 id="people-roster-heading">{t('people.heading')}</h2>
          <button
            type="button"
            className="button-quiet"
            onClick={hide}
            aria-label={t('people.close')}
            autoFocus
          >
            <Icon name="close" />
          </button>
        </header>
        <p className="people-roster-lead">{t('people.lead')}</p>
        {error && (
          <div className="alert alert-error" role="alert">
            {t(error)}
          </div>
        )}
        {!loaded && <p className="loading">{t('common.loading')}</p>}
        {loaded && groups.length === 0 && <p className="muted">{t('people.empty')}</p>}
        {groups.map((group) => (
          <section key={group.role} className="roster-group" data-role={group.role}>
            <h3>
              {t('people.group', { role: t(`role.${group.role}`) })}
              <span className="count">{group.rows.length}</span>
            </h3>
            <ul>
              {group.rows.map((row) => (
                <RosterRow key={row.person.id} row={row} people={people} session={session} />
              ))}
            </ul>
          </section>
        ))}
        {removed.length > 0 && (
          <details className="roster-removed">
            <summary>
              {t('people.removedHeading')} <span className="count">{removed.length}</span>
            </summary>
            <ul>
              {removed.map((person) => (
                <li key={person.id} data-person-id={person.id}>
                  {person.name} ({person.city}) · {t(`role.${person.role}`)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </div>
  );
}

function RosterRow({
  row,
  people,
  session,
}: {
  row: PersonRow;
  people: PersonEntry[];
  session: JoinResponse;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const busy = usePeopleStore((state) => state.busy);
  const merge = usePeopleStore((state) => state.merge);
  const remove = usePeopleStore((state) => state.remove);
  const [merging, setMerging] = useState(false);
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const stopMerging = () => {
    setMerging(false);
    setConfirming(false);
    setTarget('');
  };
  const { person, aliases } = row;
  const isSelf = person.id === session.identity.id;
  const candidates = mergeCandidates(people, person.id);
  const chosen = candidates.find((candidate) => candidate.id === target);
  const identity = { ...person, color: cityColor(person.city) };
  const joined = joinTime(person.joinedAt, language);
  const last = joinTime(person.lastJoinedAt, language);
  return (
    <li className="roster-person" data-person-id={person.id} data-testid="roster-person">
      <PersonBadge identity={identity} />
      <div className="roster-text">
        <strong>
          {person.name}
          {isSelf && <span className="you"> ({t('board.you')})</span>}
        </strong>
        <span>{person.city}</span>
        <span className="roster-meta">
          <span className={`presence-dot ${person.online ? 'is-online' : ''}`} aria-hidden="true" />
          {t(person.online ? 'people.online' : 'people.offline')} · {t('people.joined', { time: joined })}
          {last !== joined && <> · {t('people.lastJoined', { time: last })}</>}
        </span>
        {aliases.length > 0 && (
          <span className="roster-aliases" data-testid="roster-aliases">
            {t('people.aliases', {
              names: aliases.map((alias) => `${alias.name} (${alias.city})`).join(', '),
            })}
          </span>
        )}
      </div>
      <div className="roster-actions">
        {candidates.length > 0 && !merging && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setMerging(true)}
            disabled={busy}
            data-testid="roster-merge"
          >
            {t('people.merge')}
          </button>
        )}
        {!isSelf && (
          <AskOnce
            label={t('people.remove')}
            question={t('people.removeQuestion', { name: person.name })}
            detail={<p>{t('people.removeDetail')}</p>}
            confirmLabel={t('people.removeConfirm')}
            onConfirm={() => remove(session, person.id)}
            disabled={busy}
            className="button-quiet roster-remove"
            testId="roster-remove"
          />
        )}
      </div>
      {merging && (
        <div className="roster-merge">
          {confirming && chosen ? (
            <div
              className="ask-once"
              role="alertdialog"
              aria-label={t('people.mergeQuestion', { alias: person.name, target: chosen.name })}
              data-testid="roster-merge-question"
            >
              <p>
                <strong>{t('people.mergeQuestion', { alias: person.name, target: chosen.name })}</strong>
              </p>
              <p>{t('people.mergeDetail', { target: chosen.name })}</p>
              <div className="ask-once-actions">
                <button
                  type="button"
                  className="button-primary"
                  disabled={busy}
                  autoFocus
                  onClick={async () => {
                    await merge(session, person.id, chosen.id);
                    stopMerging();
                  }}
                >
                  {t('people.mergeConfirm')}
                </button>
                <button type="button" className="button-secondary" onClick={stopMerging}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <>
              <label>
                <span>{t('people.mergeLabel')}</span>
                <select
                  value={target}
                  onChange={(event) => setTarget(event.target.value)}
                  data-testid="roster-merge-target"
                  autoFocus
                >
                  <option value="">{t('people.mergeChoose')}</option>
                  {candidates.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name} ({candidate.city})
                    </option>
                  ))}
                </select>
              </label>
              <div className="roster-merge-actions">
                <button
                  type="button"
                  className="button-primary"
                  disabled={!chosen || busy}
                  onClick={() => setConfirming(true)}
                  data-testid="roster-merge-go"
                >
                  {t('people.mergeAction')}
                </button>
                <button type="button" className="button-secondary" onClick={stopMerging}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </li>
  );
}
