// A supervisor approves on the spot: they type their own user name and password in the clerk's
// dialog (main checks them and records who approved). Used wherever money moves above the limit.
import { TextField } from './Field';

export function SupervisorApprovalFields({ note }: { note: string }) {
  return (
    <fieldset className="group approval">
      <legend>Supervisor approval</legend>
      <p className="group-note">{note}</p>
      <div className="form-grid">
        <TextField name="approval.username" label="Supervisor user name" className="span-3" />
        <TextField
          name="approval.password"
          label="Supervisor password"
          type="password"
          autoComplete="off"
          className="span-3"
        />
      </div>
    </fieldset>
  );
}
