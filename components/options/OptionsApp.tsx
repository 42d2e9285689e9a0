/**
 * The options page: the environment map (console tenants and the PingOne environment each expects), the promotion
 * view, self-hosted console origins, preferences, import and export. Props in, events out: storage and permissions
 * are wired in entrypoints/options/main.tsx.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { SelfHostedConsole } from '../../lib/consoles/types';
import { promotionView } from '../../lib/settings/promotion';
import type { Settings, TenantMapping } from '../../lib/settings/model';
import { ImportExport, type ImportOutcome } from './ImportExport';
import { PickedFields } from './PickedFields';
import { PreferencesForm, type PreferencesChange } from './PreferencesForm';
import { PromotionView } from './PromotionView';
import { SelfHostedOrigins } from './SelfHostedOrigins';
import { TenantForm } from './TenantForm';
import { TenantTable } from './TenantTable';

export interface OptionsAppProps {
  /** The admin's own settings: the organisation's policy is shown apart, locked (`policy`). */
  settings: Settings;
  /** The organisation's policy (./ManagedPolicyView.tsx), loaded lazily by the wiring only when there is one. */
  policy?: ComponentChildren;
  /** What loadSettings repaired, migrated or reset; shown until dismissed or the next save. */
  notice?: string;
  /** Whether the extension holds the host permission of each self-hosted origin. */
  access: Readonly<Record<string, boolean>>;
  onDismissNotice(): void;
  /** Adds a tenant, or replaces the row at `replacing` (its origin before the edit). */
  onSaveTenant(tenant: TenantMapping, replacing?: string): Promise<void>;
  onRemoveTenant(origin: string): Promise<void>;
  onAddSelfHosted(entry: SelfHostedConsole): Promise<{ granted: boolean }>;
  onGrantSelfHosted(origin: string): Promise<boolean>;
  onRemoveSelfHosted(origin: string): Promise<void>;
  onPreferencesChange(change: PreferencesChange): Promise<void>;
  onImport(text: string): Promise<ImportOutcome>;
  onDownloadExport(): void;
  onCopyExport(): Promise<void>;
  /** Forgets the fields picked at `origin` (lib/pick). */
  onDeletePicked(origin: string): Promise<void>;
}

export function OptionsApp(props: OptionsAppProps) {
  const { settings } = props;
  const [editingOrigin, setEditingOrigin] = useState<string>();
  const editing = settings.tenants.find((tenant) => tenant.origin === editingOrigin);
  const groups = useMemo(() => promotionView(settings), [settings]);
  const mappedOrigins = settings.tenants.map((tenant) => tenant.origin);

  return (
    <main class="options">
      <header class="page-header">
        <h1>PingOne Connection Helper</h1>
        <p class="muted">Options: which PingOne environment each console tenant expects, and how the helper behaves.</p>
      </header>

      {props.notice && (
        <div class="notice" role="status" aria-label="Settings notice">
          <p>{props.notice}</p>
          <button type="button" class="button small" onClick={props.onDismissNotice}>
            Dismiss
          </button>
        </div>
      )}

      {props.policy}

      <section aria-labelledby="tenants-heading">
        <h2 id="tenants-heading">Environment map</h2>
        <p class="help">
          Each console tenant expects credentials from one PingOne environment. Filling a credential from another
          environment is blocked until you choose “Fill anyway”.
        </p>
        <TenantTable
          tenants={settings.tenants}
          editingOrigin={editingOrigin}
          onEdit={setEditingOrigin}
          onRemove={async (origin) => {
            await props.onRemoveTenant(origin);
            if (origin === editingOrigin) setEditingOrigin(undefined);
          }}
        />
        {editing ? (
          <TenantForm
            key={`edit:${editing.origin}`}
            editing={editing}
            mappedOrigins={mappedOrigins}
            selfHosted={settings.selfHosted}
            onSubmit={async (tenant) => {
              await props.onSaveTenant(tenant, editing.origin);
              setEditingOrigin(undefined);
            }}
            onCancel={() => setEditingOrigin(undefined)}
          />
        ) : (
          <TenantForm
            key="add"
            mappedOrigins={mappedOrigins}
            selfHosted={settings.selfHosted}
            onSubmit={(tenant) => props.onSaveTenant(tenant)}
          />
        )}
      </section>

      <section aria-labelledby="promotion-heading">
        <h2 id="promotion-heading">Promotion</h2>
        <PromotionView groups={groups} />
      </section>

      <section aria-labelledby="self-hosted-heading">
        <h2 id="self-hosted-heading">Self-hosted consoles</h2>
        <SelfHostedOrigins
          entries={settings.selfHosted}
          access={props.access}
          onAdd={props.onAddSelfHosted}
          onGrant={props.onGrantSelfHosted}
          onRemove={props.onRemoveSelfHosted}
        />
      </section>

      <section aria-labelledby="preferences-heading">
        <h2 id="preferences-heading">Preferences</h2>
        <PreferencesForm
          idleClearMinutes={settings.idleClearMinutes}
          readClipboardOnOpen={settings.readClipboardOnOpen}
          onChange={props.onPreferencesChange}
        />
      </section>

      <section aria-labelledby="picked-heading">
        <h2 id="picked-heading">Picked fields</h2>
        <PickedFields picked={settings.picked} onDelete={props.onDeletePicked} />
      </section>

      <section aria-labelledby="import-export-heading">
        <h2 id="import-export-heading">Import and export</h2>
        <ImportExport onImport={props.onImport} onDownload={props.onDownloadExport} onCopy={props.onCopyExport} />
      </section>
    </main>
  );
}
