import { SCHEMA_V1 } from './v1';

/**
 * Version 2 adds the compound index `[status+sequence]`, so the popup lists the newest captures that
 * need review without loading every one of them. An index change only: no data is rewritten.
 */
export const SCHEMA_V2 = {
  evidence: `${SCHEMA_V1.evidence}, [status+sequence]`,
} as const;
