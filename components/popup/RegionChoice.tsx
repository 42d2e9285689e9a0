import { REGIONS, type RegionTld } from '../../lib/regions';

/** The region the connection test runs against, for a credential that names none ('' : not chosen yet). */
export function RegionChoice({ value, onChange }: { value: RegionTld | ''; onChange(region: RegionTld | ''): void }) {
  return (
    <p class="row">
      <label for="test-region" class="field-label inline">
        Region for the test
      </label>
      <select id="test-region" class="select" value={value} onChange={(event) => onChange(event.currentTarget.value as RegionTld | '')}>
        {/* lib/connection/types RegionSource 'assumed': with no region, the test runs against North America. */}
        <option value="">Not chosen (North America is assumed)</option>
        {REGIONS.map((entry) => (
          <option key={entry.tld} value={entry.tld}>
            {entry.name} (pingone.{entry.tld})
          </option>
        ))}
      </select>
    </p>
  );
}
