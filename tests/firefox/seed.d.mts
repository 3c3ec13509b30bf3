import type { LaunchedFirefox } from './firefox.mjs';

export interface SeedItem {
  id: string;
  capturedAt: string;
  controls: string[];
  files: { role: string; name: string; mimeType: string; size: number }[];
}

export declare function openSeedingTab(
  launched: LaunchedFirefox,
): Promise<{ context: string; close: () => Promise<void> }>;

/** Resolves with each stored file's SHA-256, by `<id>/<name>`. */
export declare function seedRecords(
  launched: LaunchedFirefox,
  context: string,
  items: SeedItem[],
  baseUrl?: string,
): Promise<Record<string, string>>;

export declare function captureItems(
  count: number,
  size: number,
  options?: { start?: number; tag?: number },
): SeedItem[];
