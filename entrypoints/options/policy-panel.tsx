/**
 * The organisation's policy in Options (lib/settings/managed-report.ts, components/options/ManagedPolicyView.tsx):
 * imported by ./main.tsx only when a policy exists, as one module, so an options page without a policy loads none
 * of it.
 */
import { ManagedPolicyView, type ManagedPolicyViewProps } from '../../components/options/ManagedPolicyView';
import { reportManagedPolicy } from '../../lib/settings/managed-report';

export function policyPanel(input: unknown) {
  const report = reportManagedPolicy(input);
  return {
    /** The policy's console origins, whose host access Options checks with the admin's own. */
    origins: report.policy.selfHosted.map((entry) => entry.origin),
    view: (props: Omit<ManagedPolicyViewProps, 'report'>) => <ManagedPolicyView report={report} {...props} />,
  };
}
