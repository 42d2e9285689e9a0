/** Options' "Find a tenant": the rows whose origin, label, tier, environment id or name contain every typed word. */
import { TIER_NAMES, type TenantMapping } from './model';

/** The searchable text of each row, built once per tenant list (a map of thousands is searched on every keystroke). */
export function tenantFinder(tenants: readonly TenantMapping[]): (query: string) => readonly TenantMapping[] {
  const texts = tenants.map((tenant) =>
    [tenant.origin, tenant.label, TIER_NAMES[tenant.tier], tenant.expected.environmentId, tenant.expected.environmentName ?? '']
      .join(' ')
      .toLowerCase(),
  );
  return (query) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return words.length === 0 ? tenants : tenants.filter((_, index) => words.every((word) => texts[index]!.includes(word)));
  };
}
