/**
 * Version 4 adds the auditor's request lists. A request is keyed by its audit and reference (`id`), indexed by
 * audit (one list per audit), owner (the popup's "due for me"), and every evidence ID filed against it or its
 * sample items (`*evidenceIds`, so a bundle per request list and an evidence page find their requests without a
 * scan). A new table only: no data is rewritten.
 */
export const SCHEMA_V4 = {
  requests: 'id, audit, owner, *allEvidenceIds',
} as const;
