export declare const GENESIS_HASH: string;

export declare function sha256Hex(data: Uint8Array | string): string;
export declare function canonicalJson(value: unknown): string;

export interface ChainEntry {
  sequence: number;
  previousHash: string;
  hash: string;
  [field: string]: unknown;
}
export declare function verifyCustodyChain(entries: readonly ChainEntry[]): string[];

export declare function isPng(bytes: Uint8Array): boolean;
export declare function pngSize(bytes: Uint8Array): { width: number; height: number };

export declare function parseCsv(text: string): { rows: string[][]; lineBreaks: string[] };

export interface ArtifactLike {
  name: string;
  size: number;
  sha256: string;
  blobKey: string;
}
export declare function verifyArtifacts(
  record: { artifacts: readonly ArtifactLike[] },
  blobs: ReadonlyMap<string, { bytes: Uint8Array | null }>,
): string[];
