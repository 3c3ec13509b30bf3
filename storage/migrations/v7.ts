/**
 * Version 7 adds the team store's upload queue. `syncJobs` holds one row per upload: an evidence revision (the
 * record as it was, its artifacts' keys and the custody entries that made it) or custody entries that name no
 * evidence; indexed by evidence (a record's state in the library) and by status (the runner's next job, the
 * popup's line). `syncState` is one row: this installation's id in the bucket and the last custody entry
 * queued, so the custody log is the change feed and nothing written is ever missed. New tables only.
 */
export const SCHEMA_V7 = {
  syncJobs: '++id, evidenceId, status',
  syncState: 'id',
} as const;
