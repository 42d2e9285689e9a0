/**
 * Add or edit one console tenant: where it is, what it is, and which PingOne environment it must receive
 * credentials from. Validation is lib/settings' (the same rules storage and import apply), with a message under
 * each field. A pasted console URL is cut to its origin, and the console kind and tier are guessed from it until
 * the admin picks them.
 */
import { useState } from 'preact/hooks';
import { CONSOLES, resolveConsole } from '../../lib/consoles';
import type { ConsoleId, SelfHostedConsole } from '../../lib/consoles/types';
import { REGIONS } from '../../lib/regions';
import { httpsOriginOf } from '../../lib/origin';
import { type TenantMapping, type Tier, TIER_NAMES, TIERS } from '../../lib/settings/model';
import { validateTenant } from '../../lib/settings/schema';
import { defaultLabel, guessTier } from '../../lib/settings/tenants';
import { savedNotText } from '../../lib/storage-refusal';

export interface TenantFormProps {
  /** The row being edited; absent when adding. */
  editing?: TenantMapping;
  /** Origins already mapped (a second row for one origin is refused). */
  mappedOrigins: readonly string[];
  selfHosted: readonly SelfHostedConsole[];
  /** Rejects with Error(message) when the change could not be saved. */
  onSubmit(tenant: TenantMapping): Promise<void>;
  /** Shown as a Cancel button when editing. */
  onCancel?(): void;
}

type Field = 'origin' | 'consoleId' | 'tier' | 'label' | 'environmentId' | 'environmentName' | 'regionTld';

interface Values {
  origin: string;
  consoleId: ConsoleId | '';
  tier: Tier | '';
  label: string;
  environmentId: string;
  environmentName: string;
  regionTld: string;
}

const EMPTY: Values = { origin: '', consoleId: '', tier: '', label: '', environmentId: '', environmentName: '', regionTld: '' };

function valuesOf(tenant: TenantMapping | undefined): Values {
  if (!tenant) return EMPTY;
  return {
    origin: tenant.origin,
    consoleId: tenant.consoleId,
    tier: tenant.tier,
    label: tenant.label,
    environmentId: tenant.expected.environmentId,
    environmentName: tenant.expected.environmentName ?? '',
    regionTld: tenant.expected.regionTld ?? '',
  };
}

/** lib/settings reports `expected.environmentId`; the form has one flat field per value. */
function fieldOf(path: string): Field {
  return (path.replace(/^expected\./, '') as Field) || 'origin';
}

export function TenantForm({ editing, mappedOrigins, selfHosted, onSubmit, onCancel }: TenantFormProps) {
  const [values, setValues] = useState<Values>(() => valuesOf(editing));
  const [chosen, setChosen] = useState<{ consoleId: boolean; tier: boolean }>({ consoleId: !!editing, tier: !!editing });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState('');
  const idPrefix = editing ? 'edit-tenant' : 'add-tenant';

  const set = (field: Field, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const onOriginInput = (text: string) => {
    const origin = httpsOriginOf(text);
    setValues((current) => {
      const next = { ...current, origin: text };
      if (origin && !chosen.consoleId) next.consoleId = resolveConsole(origin, selfHosted)?.id ?? current.consoleId;
      if (origin && !chosen.tier) next.tier = guessTier(origin);
      return next;
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const origin = httpsOriginOf(values.origin) ?? values.origin.trim();
    const candidate = {
      origin,
      consoleId: values.consoleId || undefined,
      tier: values.tier || undefined,
      label: values.label.trim() || defaultLabel(origin),
      expected: {
        environmentId: values.environmentId.trim().toLowerCase(),
        ...(values.environmentName.trim() ? { environmentName: values.environmentName.trim() } : {}),
        ...(values.regionTld ? { regionTld: values.regionTld } : {}),
      },
    };
    const result = validateTenant(candidate);
    const found: Partial<Record<Field, string>> = {};
    if (!result.ok) {
      for (const error of result.errors) found[fieldOf(error.path)] ??= error.message;
    }
    if (origin !== editing?.origin && mappedOrigins.includes(origin)) {
      found.origin ??= `${origin} is already mapped: edit its row instead`;
    }
    setErrors(found);
    if (!result.ok || Object.keys(found).length > 0) {
      setStatus('');
      return;
    }
    setStatus('Saving…');
    try {
      await onSubmit(result.tenant);
      setStatus('');
      if (!editing) {
        setValues(EMPTY);
        setChosen({ consoleId: false, tier: false });
      }
    } catch (error) {
      setStatus(`Not saved: ${result.tenant.origin}: ${savedNotText(error)}`);
    }
  };

  const describedBy = (field: Field, help?: boolean) =>
    [help ? `${idPrefix}-${field}-help` : '', errors[field] ? `${idPrefix}-${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined;

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`${idPrefix}-${field}-error`} class="field-error">
        {errors[field]}
      </p>
    ) : null;

  const heading = editing ? `Edit tenant ${editing.origin}` : 'Add a tenant';
  return (
    <form class="tenant-form" aria-label={heading} onSubmit={submit} noValidate>
      <h3>{heading}</h3>
      <div class="form-grid">
        <div class="field wide">
          <label class="field-label" for={`${idPrefix}-origin`}>
            Console origin
          </label>
          <input
            id={`${idPrefix}-origin`}
            class="text-input mono"
            type="url"
            placeholder="https://openam-acme-dev.forgeblocks.com"
            value={values.origin}
            aria-invalid={errors.origin ? 'true' : undefined}
            aria-describedby={describedBy('origin', true)}
            onInput={(event) => onOriginInput(event.currentTarget.value)}
          />
          <p id={`${idPrefix}-origin-help`} class="help">
            A URL copied from the console works: only its origin (https://host[:port]) is kept.
          </p>
          {fieldError('origin')}
        </div>
        <div class="field">
          <label class="field-label" for={`${idPrefix}-console`}>
            Console
          </label>
          <select
            id={`${idPrefix}-console`}
            class="select"
            value={values.consoleId}
            aria-invalid={errors.consoleId ? 'true' : undefined}
            aria-describedby={describedBy('consoleId')}
            onChange={(event) => {
              set('consoleId', event.currentTarget.value);
              setChosen((current) => ({ ...current, consoleId: true }));
            }}
          >
            <option value="">Choose…</option>
            {CONSOLES.map((module) => (
              <option key={module.id} value={module.id}>
                {module.name}
              </option>
            ))}
          </select>
          {fieldError('consoleId')}
        </div>
        <div class="field">
          <label class="field-label" for={`${idPrefix}-tier`}>
            Tier
          </label>
          <select
            id={`${idPrefix}-tier`}
            class="select"
            value={values.tier}
            aria-invalid={errors.tier ? 'true' : undefined}
            aria-describedby={describedBy('tier')}
            onChange={(event) => {
              set('tier', event.currentTarget.value);
              setChosen((current) => ({ ...current, tier: true }));
            }}
          >
            <option value="">Choose…</option>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {TIER_NAMES[tier]}
              </option>
            ))}
          </select>
          {fieldError('tier')}
        </div>
        <div class="field">
          <label class="field-label" for={`${idPrefix}-label`}>
            Label
          </label>
          <input
            id={`${idPrefix}-label`}
            class="text-input"
            value={values.label}
            placeholder={defaultLabel(httpsOriginOf(values.origin) ?? 'https://host')}
            aria-invalid={errors.label ? 'true' : undefined}
            aria-describedby={describedBy('label', true)}
            onInput={(event) => set('label', event.currentTarget.value)}
          />
          <p id={`${idPrefix}-label-help`} class="help">
            Tenants with the same label are one application across tiers (see Promotion). Empty: the host.
          </p>
          {fieldError('label')}
        </div>
        <div class="field wide">
          <label class="field-label" for={`${idPrefix}-environmentId`}>
            Expected environment ID
          </label>
          <input
            id={`${idPrefix}-environmentId`}
            class="text-input mono"
            placeholder="3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"
            value={values.environmentId}
            aria-invalid={errors.environmentId ? 'true' : undefined}
            aria-describedby={describedBy('environmentId')}
            onInput={(event) => set('environmentId', event.currentTarget.value)}
          />
          {fieldError('environmentId')}
        </div>
        <div class="field">
          <label class="field-label" for={`${idPrefix}-environmentName`}>
            Environment name (optional)
          </label>
          <input
            id={`${idPrefix}-environmentName`}
            class="text-input"
            value={values.environmentName}
            aria-invalid={errors.environmentName ? 'true' : undefined}
            aria-describedby={describedBy('environmentName')}
            onInput={(event) => set('environmentName', event.currentTarget.value)}
          />
          {fieldError('environmentName')}
        </div>
        <div class="field">
          <label class="field-label" for={`${idPrefix}-regionTld`}>
            Region (optional)
          </label>
          <select
            id={`${idPrefix}-regionTld`}
            class="select"
            value={values.regionTld}
            aria-invalid={errors.regionTld ? 'true' : undefined}
            aria-describedby={describedBy('regionTld')}
            onChange={(event) => set('regionTld', event.currentTarget.value)}
          >
            <option value="">Not set</option>
            {REGIONS.map((region) => (
              <option key={region.tld} value={region.tld}>
                {region.name} (pingone.{region.tld})
              </option>
            ))}
          </select>
          {fieldError('regionTld')}
        </div>
      </div>
      <div class="row actions">
        <button type="submit" class="button primary">
          {editing ? 'Save tenant' : 'Add tenant'}
        </button>
        {editing && onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <span class="status" role="status">
          {status}
        </span>
      </div>
    </form>
  );
}
