// The issue log's dialogs: report an issue (anyone), assign it for review and resolve it (supervisors).
import {
  assignIssueForm,
  COMPLIANCE_CATEGORIES,
  COMPLIANCE_CATEGORY_LABELS,
  reportIssueForm,
  resolveIssueForm,
  type ComplianceIssueView,
} from '../../../../shared/schemas/compliance';
import { DialogForm } from '../../components/DialogForm';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useSchemaForm } from '../../forms';

export function ReportDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const report = useChannelMutation('compliance:report');
  const form = useSchemaForm(reportIssueForm, { category: '', description: '', accountNumber: '' });
  return (
    <DialogForm
      title="Report a compliance issue"
      form={form}
      fields={['category', 'description', 'accountNumber']}
      submitLabel="Report"
      onClose={onClose}
      onSubmit={async (issue) => {
        const { id } = await report.mutateAsync(issue);
        onDone(`Issue #${id} reported; a supervisor reviews it.`);
      }}
    >
      <div className="form-grid">
        <SelectField
          name="category"
          label="Category"
          placeholder="Choose…"
          options={COMPLIANCE_CATEGORIES.map((c) => ({ value: c, label: COMPLIANCE_CATEGORY_LABELS[c] }))}
          className="span-4"
        />
        <TextField name="accountNumber" label="Account number (optional)" className="span-2" />
        <TextAreaField name="description" label="What happened" rows={5} className="span-6" />
      </div>
    </DialogForm>
  );
}

export function AssignDialog({
  issue,
  onClose,
  onDone,
}: {
  issue: ComplianceIssueView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const users = useChannelQuery('users:directory', {});
  const assign = useChannelMutation('compliance:assign');
  const form = useSchemaForm(assignIssueForm, { assigneeId: '' });
  return (
    <DialogForm
      title={`Assign issue #${issue.id}`}
      form={form}
      fields={['assigneeId']}
      submitLabel="Assign"
      onClose={onClose}
      onSubmit={async ({ assigneeId }) => {
        await assign.mutateAsync({ issueId: issue.id, assigneeId });
        const name = users.value?.find((u) => u.id === assigneeId)?.fullName ?? 'the reviewer';
        onDone(`Issue #${issue.id} assigned to ${name}.`);
      }}
    >
      <p>{issue.description}</p>
      <SelectField
        name="assigneeId"
        label="Reviewer"
        placeholder="Choose…"
        options={(users.value ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
      />
    </DialogForm>
  );
}

export function ResolveDialog({
  issue,
  onClose,
  onDone,
}: {
  issue: ComplianceIssueView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const resolve = useChannelMutation('compliance:resolve');
  const form = useSchemaForm(resolveIssueForm, { resolution: '' });
  return (
    <DialogForm
      title={`Resolve issue #${issue.id}`}
      form={form}
      fields={['resolution']}
      submitLabel="Resolve"
      onClose={onClose}
      onSubmit={async ({ resolution }) => {
        await resolve.mutateAsync({ issueId: issue.id, resolution });
        onDone(`Issue #${issue.id} resolved.`);
      }}
    >
      <p>{issue.description}</p>
      <TextAreaField name="resolution" label="Resolution" rows={4} />
    </DialogForm>
  );
}
