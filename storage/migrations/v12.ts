/**
 * Version 12 keeps `risks` by ID only: its indexes (owner, status, the treating controls) were never read — every
 * view filters the register in memory — and each of them was written for every risk a register import stores.
 * No row is rewritten; only the three indexes are dropped.
 */
export const SCHEMA_V12 = {
  risks: 'id',
} as const;
