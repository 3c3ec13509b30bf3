import type { LaunchedFirefox } from './firefox.mjs';

export declare const DATABASE_NAME: string;

export declare function openTab(
  launched: LaunchedFirefox,
  url: string,
  options?: { background?: boolean },
): Promise<string>;
export declare function closeTab(launched: LaunchedFirefox, context: string): Promise<void>;

export declare function evaluate<Args extends unknown[], Result>(
  launched: LaunchedFirefox,
  context: string,
  fn: (...args: Args) => Result,
  ...args: Args
): Promise<Awaited<Result>>;

export declare function waitFor<Args extends unknown[], Result>(
  launched: LaunchedFirefox,
  context: string,
  fn: (...args: Args) => Result,
  options?: { timeout?: number; interval?: number; description?: string; args?: Args },
): Promise<Awaited<Result>>;

export declare function pressShortcut(launched: LaunchedFirefox, shortcut: string): Promise<void>;

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

export declare function setFiles(
  launched: LaunchedFirefox,
  context: string,
  selector: string,
  files: string[],
): Promise<void>;
export declare function click(launched: LaunchedFirefox, context: string, selector: string): Promise<void>;

export declare function waitForEvidence(
  launched: LaunchedFirefox,
  count: number,
  options?: { timeout?: number },
): Promise<DatabaseDump>;

export declare function chooseContextMenuItem(
  launched: LaunchedFirefox,
  context: string,
  label: string,
  point?: { x: number; y: number },
): Promise<void>;
