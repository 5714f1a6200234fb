import { isCoreMembership, type MembershipType, type NetworkRole } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { planPath } from './plan-store';

/**
 * "Plan pracy": the way to the network's work plan from the home and the network page. Not shown to
 * an observer city's people, who do not see the plan ([W4]); the server refuses them anyway.
 */
export function PlanLink({
  networkId,
  role,
  membership,
}: {
  networkId: string;
  role?: NetworkRole;
  membership?: MembershipType | null;
}) {
  const t = useT();
  const speaksForCity = role === 'representative' || role === 'substitute';
  if (speaksForCity && (!membership || !isCoreMembership(membership))) return null;
  return (
    <a href={planPath(networkId)} data-testid="plan-link">
      {t('plan.homeLink')}
    </a>
  );
}
