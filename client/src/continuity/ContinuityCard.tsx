import { useLanguageStore, useT } from '../i18n/language-store';
import { BlocksPreview } from '../summary/BlocksPreview';
import { CaseCards, useCaseCardsStep } from './CaseCards';
import { hasContinuity, useContinuityStore } from './continuity-store';
import './continuity.css';

/** `2027-03-15T10:00` (Warsaw wall clock) as "15 marca 2027" / "15 March 2027". */
function meetingDate(startsAt: string, language: string): string {
  const [date = startsAt] = startsAt.split('T');
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime())
    ? startsAt
    : at.toLocaleDateString(language === 'pl' ? 'pl-PL' : 'en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
}

/**
 * In the step panel of a network's meeting: what the group agreed before — last time's next
 * steps (open), the whole approved note, the network's contract and topics (folded). A new
 * meeting starts from where the last one ended, as the vademecum's networks do. On Format 3's case
 * cards step, the earlier meetings' cases come first, ready to insert on a free card.
 */
export function ContinuityCard() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const continuity = useContinuityStore((state) => state.continuity);
  const onCaseCards = useCaseCardsStep() !== null;
  const casesHere = onCaseCards && (continuity?.cases.length ?? 0) > 0;
  if (!continuity || (!hasContinuity(continuity) && !casesHere)) return null;
  const { lastTime, contract, topics, cases } = continuity;
  const dateOf = (startsAt: string) => meetingDate(startsAt, language);
  return (
    <section
      id="continuity"
      className="continuity"
      aria-labelledby="continuity-heading"
      data-testid="continuity"
    >
      <h3 id="continuity-heading">{t('continuity.heading')}</h3>
      <CaseCards cases={cases} dateOf={dateOf} />
      {lastTime && (
        <details className="continuity-part" open data-testid="continuity-last-time">
          <summary>
            {t('continuity.lastTime', {
              title: lastTime.meetingTitle,
              date: meetingDate(lastTime.startsAt, language),
            })}
          </summary>
          <h4>{t('continuity.nextSteps')}</h4>
          {lastTime.nextSteps.length > 0 ? (
            <div className="continuity-blocks" data-testid="continuity-next-steps">
              {lastTime.nextSteps.map((unit, i) => (
                <BlocksPreview
                  key={unit.sectionId ?? i}
                  blocks={[
                    {
                      type: 'heading',
                      level: 3,
                      sectionId: unit.sectionId,
                      runs: [{ text: unit.title, marks: [] }],
                    },
                    ...unit.blocks,
                  ]}
                />
              ))}
            </div>
          ) : (
            <p className="continuity-muted">{t('continuity.noNextSteps')}</p>
          )}
          <details className="continuity-whole">
            <summary>{t('continuity.wholeNote')}</summary>
            <div className="continuity-blocks">
              <BlocksPreview blocks={lastTime.blocks} />
            </div>
          </details>
        </details>
      )}
      {contract && (
        <details className="continuity-part" data-testid="continuity-contract">
          <summary>{t('continuity.contract')}</summary>
          <ul>
            {contract.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
          <p className="continuity-muted">
            {t('continuity.contractFrom', {
              title: contract.meetingTitle,
              date: meetingDate(contract.startsAt, language),
            })}
          </p>
        </details>
      )}
      {topics.length > 0 && (
        <details className="continuity-part" data-testid="continuity-topics">
          <summary>{t('continuity.topics')}</summary>
          <ul>
            {topics.map((topic) => (
              <li key={topic}>{topic}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="continuity-muted">{t('continuity.approvedOnly')}</p>
    </section>
  );
}
