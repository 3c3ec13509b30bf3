import type { BidiConnection } from './bidi.mjs';

export declare const REPO_ROOT: string;
export declare const FIREFOX_EXTENSION_DIR: string;
export declare const FIREFOX_PATH: string;
export declare const ADDON_ID: string;

export declare function firefoxProblem(): string | null;

export interface LaunchedFirefox {
  bidi: BidiConnection;
  /** The id Firefox installed the add-on under (the manifest's gecko id). */
  addonId: string;
  extensionUuid: string;
  /** `moz-extension://<uuid>/<page>` */
  extensionUrl(page: string): string;
  /** Where downloads (the export) land. */
  downloadDir: string;
  browserVersion: string;
  userAgent: string;
  /** What Firefox printed so far, for error messages. */
  firefoxOutput(): string;
  /** Closes Firefox and deletes the temporary profile. */
  close(): Promise<void>;
}

export declare function launchFirefox(options?: {
  extensionDir?: string;
  /** Preferences added to the fresh profile's user.js. */
  prefs?: Record<string, string | number | boolean>;
}): Promise<LaunchedFirefox>;
