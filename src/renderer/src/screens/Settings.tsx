// Settings: the hospital's identity, the security policy, the posting policy and the payment-plan
// policy. Everyone may read them; only an administrator may change them (main refuses
// settings:update and planPolicy:set to anyone else too).
import { useMemo, useState } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { roleAtLeast } from '../../../shared/roles';
import { settingsSchema, type Settings as SettingsValue } from '../../../shared/schemas/settings';
import { call } from '../api';
import { FormAlert, FormNotice, TextField } from '../components/Field';
import { showServerError } from '../components/formErrors';
import { HOSPITAL_FIELDS, HospitalFields, remitAware, sameAddress } from '../components/HospitalFields';
import { useChannel } from '../components/useChannel';
import { centsToField, dollarsSchema } from '../money';
import { useWorkspace } from '../session';
import { PlanPolicySettings } from './plans/PlanPolicySettings';

// The approval limit is typed in dollars and kept in cents.
const settingsForm = settingsSchema.extend({
  posting: z.object({
    adjustmentApprovalLimit: dollarsSchema('Approval limit', { allowZero: true }),
  }),
});
type SettingsIn = z.input<typeof settingsForm>;
type SettingsOut = z.output<typeof settingsForm>;

function toForm(s: SettingsValue): SettingsIn {
  return { ...s, posting: { adjustmentApprovalLimit: centsToField(s.posting.adjustmentApprovalLimitCents) } };
}

const SETTINGS_FIELDS: readonly FieldPath<SettingsIn>[] = [
  ...HOSPITAL_FIELDS,
  'security.idleLockMinutes',
  'security.minPasswordLength',
  'security.backupsToKeep',
  'posting.adjustmentApprovalLimit',
];
const ALIASES = { 'posting.adjustmentApprovalLimitCents': 'posting.adjustmentApprovalLimit' } as const;

function SettingsForm({ initial, canEdit }: { initial: SettingsValue; canEdit: boolean }) {
  // What Undo goes back to: the settings as last saved (at first, as loaded).
  const [saved, setSaved] = useState(initial);
  const [remitSame, setRemitSame] = useState(() => sameAddress(initial.hospital));
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resolver = useMemo(() => remitAware(zodResolver(settingsForm), remitSame), [remitSame]);
  const form = useForm<SettingsIn, unknown, SettingsOut>({ resolver, defaultValues: toForm(initial) });

  const submit = form.handleSubmit(async ({ posting, ...values }) => {
    setFormError(null);
    setNotice(null);
    try {
      const next = await call('settings:update', {
        ...values,
        posting: { adjustmentApprovalLimitCents: posting.adjustmentApprovalLimit },
      });
      const workspace = useWorkspace.getState();
      workspace.setHospitalName(next.hospital.legalName);
      workspace.setIdleLockMinutes(next.security.idleLockMinutes);
      form.reset(toForm(next));
      setSaved(next);
      setRemitSame(sameAddress(next.hospital));
      setNotice('Settings saved.');
    } catch (error) {
      setFormError(showServerError(error, form.setError, SETTINGS_FIELDS, ALIASES));
    }
  });

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <fieldset className="plain" disabled={!canEdit}>
          <HospitalFields remitSameAsAddress={remitSame} onRemitSameChange={setRemitSame} readOnly={!canEdit} />
          <fieldset className="group">
            <legend>Security</legend>
            <div className="form-grid">
              <TextField
                name="security.idleLockMinutes"
                label="Idle lock (minutes)"
                type="number"
                numeric
                className="span-2"
                hint="The workspace locks after this many minutes without input."
              />
              <TextField
                name="security.minPasswordLength"
                label="Minimum password length"
                type="number"
                numeric
                className="span-2"
                hint="For new passwords; at least 8."
              />
              <TextField
                name="security.backupsToKeep"
                label="Backups to keep"
                type="number"
                numeric
                className="span-2"
                hint="Older backups beyond this number are removed."
              />
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>Posting</legend>
            <div className="form-grid">
              <TextField
                name="posting.adjustmentApprovalLimit"
                label="Adjustment approval limit ($)"
                money
                className="span-3"
                hint="A clerk's adjustment above this amount needs a supervisor's user name and password. 0.00: every adjustment does."
              />
            </div>
          </fieldset>
        </fieldset>
        <FormAlert message={formError} />
        <FormNotice message={notice} />
        {canEdit && (
          <div className="actions start">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              Save settings
            </button>
            <button
              type="button"
              disabled={!form.formState.isDirty}
              onClick={() => {
                form.reset(toForm(saved));
                setRemitSame(sameAddress(saved.hospital));
                setFormError(null);
              }}
            >
              Undo changes
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}

export function Settings() {
  const role = useWorkspace((s) => s.session?.user.role);
  const settings = useChannel('settings:get', {});
  const canEdit = role !== undefined && roleAtLeast(role, 'administrator');
  return (
    <section>
      <h1>Settings</h1>
      {!canEdit && (
        <p className="note" role="note">
          Only an administrator can change these settings.
        </p>
      )}
      <FormAlert message={settings.error} />
      {settings.value && <SettingsForm initial={settings.value} canEdit={canEdit} />}
      <PlanPolicySettings canEdit={canEdit} />
    </section>
  );
}
