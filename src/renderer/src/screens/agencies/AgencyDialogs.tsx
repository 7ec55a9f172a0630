// The agency's dialogs (supervisors): add or edit an agency and its contract, set a fee from a date,
// edit a file layout (CSV or fixed-width columns), deactivate or reactivate it with a reason.
// Nothing is deleted: every change is kept in the agency's history.
import { useFieldArray, useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import {
  AGENCY_FILE_FIELDS,
  CSV_DELIMITERS,
  LAYOUT_AMOUNT_FORMATS,
  LAYOUT_DATE_FORMATS,
  REMITTANCE_METHOD_LABELS,
  REMITTANCE_METHODS,
  type AgencyDetail,
  type AgencyFile,
  type AgencyLayout,
  type AgencyView,
} from '../../../../shared/schemas/agencies';
import {
  agencyForm,
  feeForm,
  layoutForm,
  setActiveForm,
  toAgencyForm,
  toLayoutForm,
  type LayoutFormValues,
} from '../../../../shared/schemas/agencyForms';
import { DialogForm } from '../../components/DialogForm';
import { CheckboxField, GroupError, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useSchemaForm } from '../../forms';
import { useChannelMutation } from '../../queries';
import { useWorkspace } from '../../session';
import { KIND_OPTIONS } from './common';

type Done = (message: string) => void;

export function AgencyDialog({
  agency,
  onClose,
  onDone,
}: {
  agency: AgencyView | null;
  onClose: () => void;
  onDone: (message: string, agencyId: number) => void;
}) {
  const save = useChannelMutation('agencies:save');
  const form = useSchemaForm(agencyForm, toAgencyForm(agency));
  return (
    <DialogForm
      className="agency-form"
      title={agency ? `Edit ${agency.name}` : 'Add an agency'}
      form={form}
      fields={[
        'name',
        'contactName',
        'contactPhone',
        'contactEmail',
        'address',
        'licenceStates',
        'baaSignedOn',
        'recallDays',
        'remittanceMethod',
        'sharePercent',
      ]}
      submitLabel={agency ? 'Save the agency' : 'Add the agency'}
      wide
      onClose={onClose}
      onSubmit={async (values) => {
        const { agencyId } = await save.mutateAsync(agency ? { ...values, agencyId: agency.id } : values);
        onDone(agency ? `${values.name} saved.` : `${values.name} added.`, agencyId);
      }}
    >
      <div className="form-grid">
        <TextField name="name" label="Agency name" className="span-4" />
        <TextField name="contactName" label="Contact name (optional)" className="span-2" />
        <TextField name="contactPhone" label="Contact phone (optional)" type="tel" className="span-2" />
        <TextField name="contactEmail" label="Contact e-mail (optional)" className="span-4" />
        <TextAreaField name="address" label="Address (optional)" rows={2} className="span-6" />
        <TextField
          name="licenceStates"
          label="Licensed in"
          hint="Two-letter state codes, like IL, IN, WI. The agency takes only guarantors living in these states."
          className="span-3"
        />
        <TextField
          name="baaSignedOn"
          label="Business associate agreement signed on"
          type="date"
          hint="HP-02: leave blank until it is signed; nothing can be placed with the agency without one."
          className="span-3"
        />
        <TextField
          name="recallDays"
          label="Recall after days without a payment"
          type="number"
          hint="30 to 1,095."
          className="span-2"
        />
        <TextField
          name="sharePercent"
          label="Share of placements (%)"
          type="number"
          hint="Weighed against the other active agencies when a batch is built by share."
          className="span-2"
        />
        <SelectField
          name="remittanceMethod"
          label="How it remits"
          placeholder="Choose…"
          options={REMITTANCE_METHODS.map((m) => ({ value: m, label: REMITTANCE_METHOD_LABELS[m] }))}
          className="span-6"
        />
      </div>
    </DialogForm>
  );
}

export function FeeDialog({ agency, onClose, onDone }: { agency: AgencyView; onClose: () => void; onDone: Done }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const setFee = useChannelMutation('agencies:setFee');
  const form = useSchemaForm(feeForm, { kind: '', rate: '', effectiveFrom: today });
  return (
    <DialogForm
      className="agency-form"
      title={`Set a fee for ${agency.name}`}
      form={form}
      fields={['kind', 'rate', 'effectiveFrom']}
      aliases={{ rateBp: 'rate' }}
      submitLabel="Set the fee"
      onClose={onClose}
      onSubmit={async (values) => {
        await setFee.mutateAsync({ agencyId: agency.id, ...values, rateBp: values.rate });
        onDone(`Fee set for ${agency.name}.`);
      }}
    >
      <p className="muted">
        The contingency fee is a percentage of what the agency collects. Accounts already placed keep the fee in force
        on the day they were placed.
      </p>
      <div className="form-grid">
        <SelectField
          name="kind"
          label="Placement kind"
          placeholder="Choose…"
          options={KIND_OPTIONS}
          className="span-2"
        />
        <TextField name="rate" label="Fee (%)" money hint="Like 25 or 25.50." className="span-2" />
        <TextField name="effectiveFrom" label="Applies from" type="date" className="span-2" />
      </div>
    </DialogForm>
  );
}

export function ActiveDialog({ agency, onClose, onDone }: { agency: AgencyView; onClose: () => void; onDone: Done }) {
  const setActive = useChannelMutation('agencies:setActive');
  const form = useSchemaForm(setActiveForm, { note: '' });
  const active = !agency.active;
  return (
    <DialogForm
      className="agency-form"
      title={active ? `Reactivate ${agency.name}` : `Deactivate ${agency.name}`}
      form={form}
      fields={['note']}
      submitLabel={active ? 'Reactivate' : 'Deactivate'}
      danger={!active}
      onClose={onClose}
      onSubmit={async ({ note }) => {
        await setActive.mutateAsync({ agencyId: agency.id, active, note });
        onDone(`${agency.name} ${active ? 'reactivated' : 'deactivated'}.`);
      }}
    >
      <p>
        {active
          ? 'The agency can be given new placements again.'
          : 'No new accounts are placed with an inactive agency. Accounts it holds stay with it until they are recalled; its remittances are still posted.'}
      </p>
      <TextAreaField name="note" label="Reason" rows={3} />
    </DialogForm>
  );
}

const FILE_TITLES: Record<AgencyFile, string> = {
  placement: 'placement file',
  recall: 'recall file',
  remittance: 'remittance file',
};

const DELIMITER_LABELS: Record<(typeof CSV_DELIMITERS)[number], string> = {
  comma: 'Comma (,)',
  pipe: 'Pipe (|)',
  semicolon: 'Semicolon (;)',
  tab: 'Tab',
};

const AMOUNT_LABELS: Record<(typeof LAYOUT_AMOUNT_FORMATS)[number], string> = {
  dollars: 'Dollars, like 1234.56',
  cents: 'Cents, like 123456',
};

/** A sensible width for a field when a layout becomes fixed-width. */
function widthOf(kind: 'text' | 'date' | 'amount'): number {
  return kind === 'date' ? 10 : kind === 'amount' ? 12 : 30;
}

function LayoutColumns({ file }: { file: AgencyFile }) {
  const { control, getValues, setValue } = useFormContext<LayoutFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'columns' });
  const format = useWatch({ control, name: 'format' });
  const known = AGENCY_FILE_FIELDS[file];
  const options = known.map((f) => ({ value: f.name, label: `${f.label}${f.required ? ' (required)' : ''}` }));
  const kindOf = (name: string) => known.find((f) => f.name === name)?.kind ?? 'text';
  /** Fixed-width columns without positions are laid one after another. */
  const layOut = () => {
    let next = 1;
    getValues('columns').forEach((c, i) => {
      if (!/^\d+$/.test(c.start.trim()) || !/^\d+$/.test(c.width.trim())) {
        setValue(`columns.${i}.start`, String(next));
        setValue(`columns.${i}.width`, String(widthOf(kindOf(c.field))));
      }
      next = Number(getValues(`columns.${i}.start`)) + Number(getValues(`columns.${i}.width`));
    });
  };
  return (
    <fieldset className="group">
      <legend>Columns, in order</legend>
      <GroupError name="columns" />
      <ol className="layout-columns">
        {fields.map((f, i) => (
          <li key={f.id} className="form-grid">
            <SelectField
              name={`columns.${i}.field`}
              label={`Column ${i + 1}: field`}
              options={options}
              className="span-2"
            />
            {format === 'csv' ? (
              <TextField name={`columns.${i}.heading`} label={`Column ${i + 1}: heading`} className="span-2" />
            ) : (
              <>
                <TextField
                  name={`columns.${i}.start`}
                  label={`Column ${i + 1}: start`}
                  type="number"
                  className="span-1"
                />
                <TextField
                  name={`columns.${i}.width`}
                  label={`Column ${i + 1}: width`}
                  type="number"
                  className="span-1"
                />
              </>
            )}
            <div className="span-2 column-actions">
              <button
                type="button"
                className="small"
                disabled={i === 0}
                aria-label={`Move column ${i + 1} up`}
                onClick={() => move(i, i - 1)}
              >
                Up
              </button>
              <button
                type="button"
                className="small"
                disabled={i === fields.length - 1}
                aria-label={`Move column ${i + 1} down`}
                onClick={() => move(i, i + 1)}
              >
                Down
              </button>
              <button type="button" className="small" aria-label={`Remove column ${i + 1}`} onClick={() => remove(i)}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="actions start">
        <button
          type="button"
          onClick={() => {
            const first = known[0]!;
            append({ field: first.name, heading: first.name, start: '', width: '' });
          }}
        >
          Add a column
        </button>
        {format === 'fixed' && (
          <button type="button" onClick={layOut}>
            Fill in missing positions
          </button>
        )}
      </div>
    </fieldset>
  );
}

export function LayoutDialog({
  agency,
  file,
  onClose,
  onDone,
}: {
  agency: AgencyDetail;
  file: AgencyFile;
  onClose: () => void;
  onDone: Done;
}) {
  const setLayout = useChannelMutation('agencies:setLayout');
  const recorded: AgencyLayout = agency.layouts[file].layout;
  const form = useSchemaForm(layoutForm(file), toLayoutForm(recorded));
  const format = useWatch({ control: form.control, name: 'format' });
  const count = useWatch({ control: form.control, name: 'columns' })?.length ?? 0;
  const fields: FieldPath<LayoutFormValues>[] = [
    'format',
    'delimiter',
    'header',
    'dateFormat',
    'amounts',
    'columns',
    ...Array.from({ length: count }, (_, i) =>
      (['field', 'heading', 'start', 'width'] as const).map((k) => `columns.${i}.${k}` as const),
    ).flat(),
  ];
  const aliases = Object.fromEntries(fields.map((f) => [`layout.${f}`, f]));
  return (
    <DialogForm
      className="agency-form"
      title={`The ${FILE_TITLES[file]} of ${agency.name}`}
      form={form}
      fields={fields}
      aliases={aliases}
      submitLabel="Save the layout"
      wide
      onClose={onClose}
      onSubmit={async (layout) => {
        await setLayout.mutateAsync({ agencyId: agency.id, file, layout });
        onDone(`The ${FILE_TITLES[file]} layout of ${agency.name} saved.`);
      }}
    >
      {file === 'placement' && (
        <p className="muted">
          HP-02, minimum necessary: a placement file carries identifiers, the guarantor, the account number, dates of
          service, the balance and the payer status; never diagnoses, procedures, the kind of service or notes.
        </p>
      )}
      <div className="form-grid">
        <SelectField
          name="format"
          label="Format"
          options={[
            { value: 'csv', label: 'CSV (delimited)' },
            { value: 'fixed', label: 'Fixed-width' },
          ]}
          className="span-2"
        />
        {format === 'csv' && (
          <SelectField
            name="delimiter"
            label="Delimiter"
            options={CSV_DELIMITERS.map((d) => ({ value: d, label: DELIMITER_LABELS[d] }))}
            className="span-2"
          />
        )}
        <SelectField
          name="dateFormat"
          label="Dates"
          options={LAYOUT_DATE_FORMATS.map((d) => ({ value: d, label: d }))}
          className="span-2"
        />
        <SelectField
          name="amounts"
          label="Amounts"
          options={LAYOUT_AMOUNT_FORMATS.map((a) => ({ value: a, label: AMOUNT_LABELS[a] }))}
          className="span-3"
        />
      </div>
      {format === 'csv' && <CheckboxField name="header" label="The first line holds the column headings" />}
      <LayoutColumns file={file} />
    </DialogForm>
  );
}
