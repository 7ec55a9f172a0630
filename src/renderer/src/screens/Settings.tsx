// Settings: the hospital's identity, the security policy, the posting policy, the statement cycle
// and the payment-plan policy. Everyone may read them; only an administrator may change them (main refuses
// settings:update and planPolicy:set to anyone else too).
import { useMemo, useState } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { roleAtLeast } from '../../../shared/roles';
import { ECA_KIND_LABELS, ECA_KINDS } from '../../../shared/rules/ecaClock';
import {
  SETTINGS_ALIASES,
  settingsForm,
  toSettingsForm,
  type Settings as SettingsValue,
  type SettingsFormValues,
} from '../../../shared/schemas/settings';
import { useChannelMutation, useChannelQuery } from '../queries';
import {
  CheckboxField,
  FormAlert,
  FormNotice,
  GroupError,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/Field';
import { showServerError } from '../components/formErrors';
import { HOSPITAL_FIELDS, HospitalFields, remitAware, sameAddress } from '../components/HospitalFields';
import { useWorkspace } from '../session';
import { PlanPolicySettings } from './plans/PlanPolicySettings';
import { PatientTexts } from './settings/PatientTexts';

type SettingsIn = SettingsFormValues;
type SettingsOut = z.output<typeof settingsForm>;

const SETTINGS_FIELDS: readonly FieldPath<SettingsIn>[] = [
  ...HOSPITAL_FIELDS,
  'security.idleLockMinutes',
  'security.minPasswordLength',
  'security.backupsToKeep',
  'posting.adjustmentApprovalLimit',
  'statements.daysBetween',
  'statements.regularStatements',
  'statements.minimumBalance',
  'statements.dueInDays',
  'statements.officeHours',
  'statements.actions',
  'statements.plainLanguageSummary',
  'statements.officeHoursEs',
  'statements.plainLanguageSummaryEs',
  'queue.highBalance',
  'assistance.agbPercent',
  'assistance.incompleteApplicationDays',
  'assistance.refundWithinDays',
  'agencies.minimumBalance',
  'agencies.daysAfterFinalNotice',
  'smallClaims.clerkHourly',
  'smallClaims.hoursPerCase',
  'smallClaims.expectedRecoveryPercent',
  'smallClaims.demandDays',
  'smallClaims.serveDaysBeforeHearing',
  'smallClaims.serveDaysAfterFiling',
  'smallClaims.judgmentFollowUpDays',
  'estates.firstReminderDays',
  'estates.secondReminderDays',
  'estates.lastReminderDays',
  'estates.followUpEveryDays',
  'estates.lastIllnessDays',
  'badDebt.providerName',
  'badDebt.ccn',
  'badDebt.subproviderCcn',
  'badDebt.fiscalYearEnd',
  'badDebt.firstBillDays',
  'badDebt.collectionDays',
  'badDebt.alternativeDocumentationAllowed',
  'badDebt.indigentSkipsClock',
  'badDebt.paymentRatePercent',
  'payroll.deductionCode',
  'payroll.finalPayDeduction',
  'payroll.payrollContact',
  'payroll.bankCompanyName',
  'payroll.bankCompanyId',
  'payroll.bankRoutingNumber',
  'payroll.bankName',
  'payroll.entryDescription',
  'obstetrics.daysBeforeDelivery',
  'obstetrics.vaginalCharges',
  'obstetrics.cesareanCharges',
  'obstetrics.selfPayDiscountPercent',
  'obstetrics.trueUpAfterDays',
  'obstetrics.obContact',
];
function SettingsForm({ initial, canEdit }: { initial: SettingsValue; canEdit: boolean }) {
  // What Undo goes back to: the settings as last saved (at first, as loaded).
  const [saved, setSaved] = useState(initial);
  const [remitSame, setRemitSame] = useState(() => sameAddress(initial.hospital));
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resolver = useMemo(() => remitAware(zodResolver(settingsForm), remitSame), [remitSame]);
  const form = useForm<SettingsIn, unknown, SettingsOut>({ resolver, defaultValues: toSettingsForm(initial) });
  const save = useChannelMutation('settings:update');

  const submit = form.handleSubmit(async (update) => {
    setFormError(null);
    setNotice(null);
    try {
      const next = await save.mutateAsync(update);
      useWorkspace.getState().setIdleLockMinutes(next.security.idleLockMinutes);
      form.reset(toSettingsForm(next));
      setSaved(next);
      setRemitSame(sameAddress(next.hospital));
      setNotice('Settings saved.');
    } catch (error) {
      setFormError(showServerError(error, form.setError, SETTINGS_FIELDS, SETTINGS_ALIASES));
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
          <fieldset className="group">
            <legend>Work queue</legend>
            <div className="form-grid">
              <TextField
                name="queue.highBalance"
                label="High-balance threshold ($)"
                money
                className="span-3"
                hint="A guarantor who owes this much or more comes into the work queue even when nothing else brings them in."
              />
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>Statement cycle and the 501(r) final notice</legend>
            <p className="group-note">
              Each account gets a statement every so many days, then its final notice: the notice with the
              plain-language summary that gives 30 days before collection actions (ECA-05). The days between statements
              are hospital policy, not a fixed standard (ST-03). Changes apply from the next statement run.
            </p>
            <div className="form-grid">
              <TextField
                name="statements.daysBetween"
                label="Days between statements"
                type="number"
                numeric
                className="span-2"
                hint="7 to 120; about 30 is usual."
              />
              <TextField
                name="statements.regularStatements"
                label="Statements before the final notice"
                type="number"
                numeric
                className="span-2"
                hint="The final notice follows the last of them."
              />
              <TextField
                name="statements.minimumBalance"
                label="Minimum balance to print ($)"
                money
                className="span-2"
                hint="Smaller balances get no statement."
              />
              <TextField
                name="statements.dueInDays"
                label="Days to pay"
                type="number"
                numeric
                className="span-2"
                hint="From the statement date, on regular statements. A final notice always gives 30 days (ECA-05)."
              />
              <TextField name="statements.officeHours" label="Office hours printed on statements" className="span-4" />
              <TextField
                name="statements.officeHoursEs"
                label="Office hours on Spanish statements"
                hint="The same hours, in Spanish (LANG-01)."
                lang="es"
                className="span-4"
              />
            </div>
            <fieldset className="group inner">
              <legend>Actions the final notice says may follow (ECA-02)</legend>
              <div className="checkbox-columns">
                {ECA_KINDS.filter((k) => k !== 'estate_claim').map((k) => (
                  <CheckboxField key={k} name={`statements.actions.${k}`} label={ECA_KIND_LABELS[k]} />
                ))}
              </div>
              <GroupError name="statements.actions" />
            </fieldset>
            <TextAreaField
              name="statements.plainLanguageSummary"
              label="Plain-language summary of the financial-assistance policy"
              hint="Printed on its own page with every final notice (ECA-05) to a guarantor whose documents print in English."
              rows={8}
            />
            <TextAreaField
              name="statements.plainLanguageSummaryEs"
              label="Plain-language summary in Spanish"
              hint="Printed instead with the final notice to a guarantor whose documents print in Spanish (LANG-01). Keep it saying what the English one says."
              rows={8}
              lang="es"
            />
          </fieldset>
          <fieldset className="group">
            <legend>Financial assistance (hospital-configurable)</legend>
            <p className="group-note">
              Your hospital&apos;s own figures. A patient who qualifies is never charged more than the amount generally
              billed (AGB), a percentage of gross charges your hospital works out each year (1.501(r)-5); 100.00 limits
              nothing until it is set.
            </p>
            <div className="form-grid">
              <TextField
                name="assistance.agbPercent"
                label="AGB percentage of gross charges"
                money
                className="span-2"
                hint="For example 45.00."
              />
              <TextField
                name="assistance.incompleteApplicationDays"
                label="Days to complete an application"
                type="number"
                numeric
                className="span-2"
                hint="Given in the notice of what is missing; collection actions wait meanwhile (ECA-05)."
              />
              <TextField
                name="assistance.refundWithinDays"
                label="Days to refund a credit"
                type="number"
                numeric
                className="span-2"
                hint="A credit's refund is due this many days after it arises; overdue ones go to the supervisors' queue."
              />
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>Collection agencies</legend>
            <p className="group-note">
              When an account may be placed with a collection agency. The thresholds are the same for every payer class
              (BD-06). Placement waits for the final notice&apos;s days and the notification period from the first
              statement (ECA-05).
            </p>
            <div className="form-grid">
              <TextField
                name="agencies.minimumBalance"
                label="Placement minimum ($)"
                money
                className="span-2"
                hint="Smaller balances are not placed."
              />
              <TextField
                name="agencies.daysAfterFinalNotice"
                label="Days after the final notice"
                type="number"
                numeric
                className="span-2"
                hint="At least the final notice's 30 days."
              />
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>Small-claims court</legend>
            <p className="group-note">
              “Should we sue?” weighs the filing and service fees and the clerk&apos;s time against the share of the
              claim expected back. The demand letter gives the guarantor its days before the hospital may file; the work
              queue reminds the clerk to serve, of hearings, and of judgments left unpaid. The courts&apos; limits and
              the statutes of limitation are kept under Small-claims rules.
            </p>
            <div className="form-grid">
              <TextField name="smallClaims.clerkHourly" label="The clerk's hourly cost ($)" money className="span-2" />
              <TextField
                name="smallClaims.hoursPerCase"
                label="Clerk's hours per case"
                type="number"
                numeric
                className="span-2"
                hint="Preparing, filing, serving and the hearing."
              />
              <TextField
                name="smallClaims.expectedRecoveryPercent"
                label="Expected recovery (%)"
                type="number"
                numeric
                className="span-2"
                hint="Of what is sued for, the share expected back."
              />
              <TextField
                name="smallClaims.demandDays"
                label="Days the demand letter gives"
                type="number"
                numeric
                className="span-2"
                hint="7 to 90. The filing also waits for the 501(r) date."
              />
              <TextField
                name="smallClaims.serveDaysBeforeHearing"
                label="Serve at least this many days before the hearing"
                type="number"
                numeric
                className="span-2"
              />
              <TextField
                name="smallClaims.serveDaysAfterFiling"
                label="Without a hearing date, serve within days of filing"
                type="number"
                numeric
                className="span-2"
              />
              <TextField
                name="smallClaims.judgmentFollowUpDays"
                label="An unpaid judgment comes back after days"
                type="number"
                numeric
                className="span-2"
              />
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>Estates</legend>
            <p className="group-note">
              When the work queue reminds the clerk of an estate&apos;s claim deadline, how often it asks for a
              follow-up with the clerk of court after filing, and which care is suggested as the last illness (PR-04;
              the clerk confirms each account). The deadlines themselves come from the probate table (Probate rules).
            </p>
            <div className="form-grid">
              <TextField
                name="estates.firstReminderDays"
                label="First reminder (days before the deadline)"
                type="number"
                numeric
                className="span-2"
              />
              <TextField
                name="estates.secondReminderDays"
                label="Second reminder (days before the deadline)"
                type="number"
                numeric
                className="span-2"
              />
              <TextField
                name="estates.lastReminderDays"
                label="Last reminder (days before the deadline)"
                type="number"
                numeric
                className="span-2"
              />
              <TextField
                name="estates.followUpEveryDays"
                label="Days between follow-ups after filing"
                type="number"
                numeric
                className="span-2"
              />
              <TextField
                name="estates.lastIllnessDays"
                label="Care this many days before death is the last illness"
                type="number"
                numeric
                className="span-2"
                hint="A suggestion on each account; the clerk confirms it."
              />
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>Medicare bad debt</legend>
            <p className="group-note">
              Who the cost report&apos;s bad-debt listing is for, when the hospital&apos;s cost-reporting year ends, and
              the bad-debt clock: days from the latest remittance to the first bill (BD-04) and days of collection
              effort before an account can be written off (BD-05).
            </p>
            <div className="form-grid">
              <TextField
                name="badDebt.providerName"
                label="Provider name on the listing"
                className="span-3"
                hint="Blank: the hospital's legal name."
              />
              <TextField name="badDebt.ccn" label="CCN" className="span-1" hint="6 letters or digits." />
              <TextField name="badDebt.subproviderCcn" label="Subprovider CCN (optional)" className="span-2" />
              <TextField
                name="badDebt.fiscalYearEnd"
                label="Fiscal year end (MM-DD)"
                className="span-2"
                hint="The cost-reporting year's last day, such as 09-30."
              />
              <TextField
                name="badDebt.firstBillDays"
                label="Days from the remittance to the first bill"
                type="number"
                numeric
                className="span-2"
              />
              <TextField
                name="badDebt.collectionDays"
                label="Days of collection effort"
                type="number"
                numeric
                className="span-2"
                hint="At least 120."
              />
              <TextField
                name="badDebt.paymentRatePercent"
                label="Medicare's payment rate for bad debt (%)"
                type="number"
                numeric
                className="span-2"
                hint="For the expected reimbursement (BD-13)."
              />
            </div>
            <CheckboxField
              name="badDebt.alternativeDocumentationAllowed"
              label="Accept alternative documentation (AD) when Medicaid will not process a dual-eligible claim"
            />
            <CheckboxField
              name="badDebt.indigentSkipsClock"
              label="An indigent patient's account needs no 120 days of collection effort"
              hint="Only with the hospital's own indigence determination (BD-11)."
            />
          </fieldset>
          <fieldset className="group">
            <legend>Payroll deductions and bank transfers</legend>
            <p className="group-note">
              The code payroll books a deduction under, whether an employee&apos;s final paycheck carries the usual
              deduction (PD-03: state law varies; none unless the hospital&apos;s counsel says so), whom an employee
              asks, and the hospital&apos;s own details for the automatic bank transfer file (from the hospital&apos;s
              bank; no transfer file is written until they are all set).
            </p>
            <div className="form-grid">
              <TextField
                name="payroll.deductionCode"
                label="Deduction code"
                className="span-2"
                hint="Payroll's code for the deduction, such as HOSPBILL."
              />
              <SelectField
                name="payroll.finalPayDeduction"
                label="Final paycheck"
                className="span-4"
                options={[
                  { value: 'none', label: 'No deduction from a final paycheck' },
                  { value: 'regular', label: 'The usual deduction from a final paycheck too' },
                ]}
              />
              <TextField
                name="payroll.payrollContact"
                label="Payroll contact on the authorization"
                className="span-6"
                hint="A name, office and phone an employee can ask, such as Payroll office, ext. 4410."
              />
              <TextField
                name="payroll.bankCompanyName"
                label="Company name on the transfer file"
                className="span-3"
                hint="At most 16 letters or digits."
              />
              <TextField
                name="payroll.bankCompanyId"
                label="Company id the bank assigned"
                className="span-3"
                hint="10 letters or digits."
              />
              <TextField
                name="payroll.bankRoutingNumber"
                label="The hospital bank's routing number"
                className="span-2"
                hint="9 digits."
              />
              <TextField
                name="payroll.bankName"
                label="The hospital bank's name"
                className="span-2"
                hint="At most 23 letters or digits."
              />
              <TextField
                name="payroll.entryDescription"
                label="Description on the patient's bank statement"
                className="span-2"
                hint="At most 10 letters or digits, such as HOSP BILL."
              />
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>Obstetrics</legend>
            <p className="group-note">
              The pre-delivery estimate and payments (PP-04): how many days before the expected delivery date the last
              payment falls due (the schedule always ends before delivery), the hospital&apos;s expected charges for
              each delivery kind (no estimate is made while a figure is 0), the self-pay discount, the days after
              delivery by which the true-up is expected, and whom the patient asks. A patient&apos;s care never depends
              on these payments.
            </p>
            <div className="form-grid">
              <TextField
                name="obstetrics.daysBeforeDelivery"
                label="Days before delivery for the last payment"
                type="number"
                numeric
                className="span-2"
                hint="30 shipped: the hospital's own figure."
              />
              <TextField
                name="obstetrics.vaginalCharges"
                label="Expected charges, vaginal delivery ($)"
                money
                className="span-2"
                hint="0.00: not set."
              />
              <TextField
                name="obstetrics.cesareanCharges"
                label="Expected charges, cesarean delivery ($)"
                money
                className="span-2"
                hint="0.00: not set."
              />
              <TextField
                name="obstetrics.selfPayDiscountPercent"
                label="Self-pay discount (%)"
                className="span-2"
                hint="Such as 25 or 12.5."
              />
              <TextField
                name="obstetrics.trueUpAfterDays"
                label="Days after delivery to the true-up"
                type="number"
                numeric
                className="span-2"
              />
              <TextField
                name="obstetrics.obContact"
                label="Whom the patient asks"
                className="span-6"
                hint="A name, office and phone on the agreement and the OB statements, such as Maternity billing, ext. 2210."
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
                form.reset(toSettingsForm(saved));
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
  const settings = useChannelQuery('settings:get', {});
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
      <PatientTexts />
    </section>
  );
}
