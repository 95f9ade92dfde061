import type { Document } from 'bson';
import { Codes, CommandError } from '../errors.ts';
import type { Handler } from '../state.ts';

/**
 * Sessions are accepted (the driver attaches an `lsid` to every command) but carry no state:
 * there are no transactions and no retryable-write bookkeeping on a standalone.
 */
export const noopSessions: Handler = () => ({});

export const getLog: Handler = (ctx) => {
  if (ctx.cmd.getLog === '*') return { names: ['global', 'startupWarnings'] };
  return { totalLinesWritten: 0, log: [] };
};

/**
 * Transactions are refused with OperationNotSupportedInTransaction (263). mongod on a standalone
 * answers IllegalOperation (20), which the driver rewrites into a misleading retryable-writes
 * message; 263 reaches the caller intact.
 */
export function refuseTransaction(name: string, cmd: Document): CommandError | undefined {
  const isTxnCommand = name === 'commitTransaction' || name === 'abortTransaction';
  if (!isTxnCommand && cmd.startTransaction !== true && cmd.autocommit !== false) return undefined;
  const what = isTxnCommand
    ? `'${name}'`
    : `'${name}' inside a transaction (startTransaction/autocommit: false)`;
  return new CommandError(
    Codes.OperationNotSupportedInTransaction,
    `mongo-standin does not support transactions: refused ${what}. Transactions need a MongoDB replica set.`,
  );
}
