import type { LaunchedFirefox } from './firefox.mjs';

export declare const DATABASE_NAME: string;

export interface StoredArtifact {
  role: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  blobKey: string;
}

export interface StoredEvidence {
  id: string;
  sequence: number;
  url: string;
  kind: string;
  status: string;
  controls: string[];
  artifacts: StoredArtifact[];
  [field: string]: unknown;
}

export interface StoredCustodyEntry {
  sequence: number;
  event: string;
  evidenceId: string | null;
  details: Record<string, unknown>;
  previousHash: string;
  hash: string;
  [field: string]: unknown;
}

export interface DatabaseDump {
  exists: boolean;
  evidence: StoredEvidence[];
  custody: StoredCustodyEntry[];
  blobs: Map<string, { type: string; bytes: Uint8Array | null }>;
}

export declare function readDatabase(launched: LaunchedFirefox): Promise<DatabaseDump>;

export declare function waitForEvidence(
  launched: LaunchedFirefox,
  count: number,
  options?: { timeout?: number },
): Promise<DatabaseDump>;
