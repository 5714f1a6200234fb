import { mayReport, type Meeting } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { useNetworkStore } from './network-store';
import { reportPath, warsawNowLocal } from '../report/report-format';
import '../report/report.css';

/** "Sprawozdanie" on a meeting of the network page, once the meeting has started, for those who may read it ([FR1]–[FR3]). */
export function ReportMeetingLink({ meeting }: { meeting: Meeting }) {
  const t = useT();
  const actor = useNetworkStore((state) => state.actor);
  const networkId = useNetworkStore((state) => state.networkId);
  if (!actor || !networkId || !mayReport(actor, 'report.read', networkId)) return null;
  if (meeting.startsAt > warsawNowLocal()) return null;
  return (
    <a
      className="button-secondary report-meeting-link"
      href={reportPath(networkId, meeting.id)}
      aria-label={t('report.openFor', { title: meeting.title })}
    >
      {t('report.open')}
    </a>
  );
}
