import type { Document } from 'bson';

/**
 * MongoDB server error codes the stand-in raises. Names match mongod's `codeName` so that callers
 * checking either the number or the name see what a real server would send.
 */
export const Codes = {
  InternalError: 1,
  Unauthorized: 13,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  CannotIndexParallelArrays: 171,
  OperationNotSupportedInTransaction: 263,
  Location40324: 40324,
  Location40573: 40573,
  DuplicateKey: 11000,
} as const;

const codeNames = new Map<number, string>(Object.entries(Codes).map(([name, code]) => [code, name]));

export function codeName(code: number): string {
  return codeNames.get(code) ?? `Location${code}`;
}

/** An error that becomes `{ ok: 0, errmsg, code, codeName }` (or a write error entry). */
export class CommandError extends Error {
  readonly code: number;
  readonly extra: Document;
  constructor(code: number, message: string, extra: Document = {}) {
    super(message);
    this.code = code;
    this.extra = extra;
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: codeName(this.code), ...this.extra };
  }

  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

/** Turns anything thrown (including mingo's own errors) into a CommandError. */
export function asCommandError(err: unknown): CommandError {
  if (err instanceof CommandError) return err;
  if (err instanceof Error) {
    // mingo reports bad operators and expressions as plain errors: those are bad input, not crashes.
    if (err.constructor.name === 'MingoError') return new CommandError(Codes.BadValue, err.message);
    return new CommandError(Codes.InternalError, `mongo-standin internal error: ${err.message}`);
  }
  return new CommandError(Codes.InternalError, `mongo-standin internal error: ${String(err)}`);
}

export function badValue(message: string): CommandError {
  return new CommandError(Codes.BadValue, message);
}
