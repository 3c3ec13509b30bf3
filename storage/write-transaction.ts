import type { Table } from 'dexie';
import type { EvidenceDatabase } from './db';

/**
 * A read-write transaction that, when the browser aborts it (a full disk, an I/O error), throws the
 * transaction's own error — the cause the user can act on — instead of the bare AbortError each
 * pending request received. Errors of the scope itself (validation, constraints) pass unchanged.
 */
export async function writeTransaction<T>(
  db: EvidenceDatabase,
  tables: Table[],
  scope: () => Promise<T>,
): Promise<T> {
  let idbTransaction: IDBTransaction | undefined;
  try {
    return await db.transaction('rw', tables, (transaction) => {
      idbTransaction = transaction.idbtrans;
      return scope();
    });
  } catch (error) {
    throw transactionCause(error, idbTransaction?.error ?? null);
  }
}

/** The error to report: the transaction's when the one caught only says a request was aborted. */
export function transactionCause(caught: unknown, transactionError: DOMException | null): unknown {
  if (!transactionError || !abortedOnly(caught)) return caught;
  return transactionError;
}

function abortedOnly(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError') return true;
  const failures = (error as { failures?: unknown }).failures;
  return (
    error.name === 'BulkError' &&
    Array.isArray(failures) &&
    failures.length > 0 &&
    failures.every((failure) => failure instanceof Error && failure.name === 'AbortError')
  );
}
