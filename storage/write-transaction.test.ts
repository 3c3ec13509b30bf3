import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { transactionCause } from './write-transaction';

const NO_SPACE = new DOMException(
  'Connection is closing because of: IO error: …/000003.log: FILE_ERROR_NO_SPACE',
  'UnknownError',
);
const aborted = () =>
  new Dexie.AbortError('The transaction was aborted, so the request cannot be fulfilled.');

describe('transactionCause', () => {
  it('reports why the browser aborted the transaction, not the aborted requests', () => {
    expect(transactionCause(aborted(), NO_SPACE)).toBe(NO_SPACE);
    const bulk = new Dexie.BulkError('blobs.bulkAdd(): 2 of 2 operations failed', {
      0: aborted(),
      1: aborted(),
    });
    expect(transactionCause(bulk, NO_SPACE)).toBe(NO_SPACE);
  });

  it('passes errors of the work itself through', () => {
    const constraint = new Dexie.ConstraintError('Key already exists in the object store.');
    expect(transactionCause(constraint, new DOMException('x', 'ConstraintError'))).toBe(constraint);
    const mixed = new Dexie.BulkError('bulkAdd(): 2 of 2 operations failed', { 0: aborted(), 1: constraint });
    expect(transactionCause(mixed, NO_SPACE)).toBe(mixed);
    expect(transactionCause(aborted(), null)).toBeInstanceOf(Dexie.AbortError);
  });
});
