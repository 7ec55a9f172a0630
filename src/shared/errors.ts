// Every failure a person can see is one of these kinds, with a sentence a clerk understands and,
// for forms, the fields it belongs to. The router turns thrown AppErrors into { ok: false, error }.

export type ErrorCode =
  | 'invalid_input' // the input failed its schema; `fields` says which
  | 'not_logged_in' // no session, or the session ended
  | 'session_locked' // the session is idle-locked; unlock with the password
  | 'forbidden' // the user's role may not use this channel
  | 'wrong_password'
  | 'throttled' // too many failed attempts; wait
  | 'not_found'
  | 'conflict' // the request contradicts what is stored (duplicate user name, ...)
  | 'not_allowed' // a rule refuses the action now (setup already done, last administrator, ...)
  | 'store_error' // the data folder or database cannot be used
  | 'bad_transport' // the call did not come from the workspace
  | 'internal';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** Field path ("admin.password") -> message, for forms. */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  /**
   * What the call wrote before this refusal stands (a refused ECA attempt stays in its register),
   * committed with the refusal's audit event. Any other error leaves nothing of the call behind.
   */
  readonly keepWritten: boolean;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, options?: { keepWritten?: boolean }) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.keepWritten = options?.keepWritten ?? false;
  }

  toShape(): AppErrorShape {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
