import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';

export declare const REPO_ROOT: string;
export declare const EXTENSION_DIR: string;
export declare const CHROMIUM_PATH: string;
export declare const VIEWPORT: { width: number; height: number };
export declare const DATABASE_NAME: string;

export declare function chromiumProblem(): string | null;

export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /**
   * Where Chromium writes its NetLog (every request of every context, the extension's included).
   * Every launch records one (in a temporary folder unless given here); close() checks it.
   */
  netLogPath?: string;
  /**
   * Prepares the fresh profile folder before Chromium starts (e.g. mounts a tiny disk in it); the
   * function it returns runs after the browser closed, before the profile is deleted.
   */
  prepareProfile?: (userDataDir: string) => Promise<(() => Promise<void>) | void>;
  /** false skips the check on close that the extension made no request beyond this machine. */
  checkNetwork?: boolean;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** A browser-level CDP session (Target.*, Extensions.*). */
  browserSession: CDPSession;
  userDataDir: string;
  serviceWorker(): Promise<Worker>;
  /**
   * Closes the browser and deletes the temporary profile; then rejects if the NetLog shows a request
   * from the extension that left this machine.
   */
  close(): Promise<void>;
}

export declare function launchExtension(options?: LaunchOptions): Promise<LaunchedExtension>;
export declare function extensionServiceWorker(context: BrowserContext): Promise<Worker>;
export declare function openTab(context: BrowserContext, url: string): Promise<Page>;
/** Grants the extension the site of `origin` as chrome://extensions → Site access does. */
export declare function allowSiteAccess(extension: LaunchedExtension, origin: string): Promise<void>;

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  title: string;
  attached: boolean;
  embedderData?: { tabActive?: boolean; tabStripIndex?: number };
}
export declare function listTargets(browserSession: CDPSession): Promise<TargetInfo[]>;

export interface WaitOptions {
  /** Milliseconds; 10 000 unless told. */
  timeout?: number;
}

export interface WaitForFunctionOptions<A extends unknown[]> extends WaitOptions {
  args?: A;
  interval?: number;
  description?: string;
}

/** The popup (or any page target) driven over CDP Runtime.evaluate. Functions run in the popup. */
export interface PopupHandle {
  targetId: string;
  sessionId: string;
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  evaluate<T>(expression: string): Promise<T>;
  evaluate<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  waitForFunction<T, A extends unknown[] = []>(
    fn: string | ((...args: A) => T | Promise<T>),
    options?: WaitForFunctionOptions<A>,
  ): Promise<T>;
  waitFor(selector: string, options?: WaitOptions): Promise<true>;
  click(selector: string, options?: WaitOptions): Promise<void>;
  /** Focuses the field, selects its content and inserts the text as a keyboard would. */
  type(selector: string, text: string, options?: WaitOptions): Promise<void>;
  /** Sets the value of a field that takes no typing (type=date) and fires input and change. */
  fill(selector: string, value: string, options?: WaitOptions): Promise<void>;
  text(selector: string): Promise<string | null>;
  exists(selector: string): Promise<boolean>;
  close(): Promise<void>;
}

export declare function clickToolbarButton(
  launched: Pick<LaunchedExtension, 'browserSession' | 'extensionId'>,
  page: Page,
  options?: WaitOptions,
): Promise<PopupHandle>;
export declare function attachPopup(browserSession: CDPSession, targetId: string): Promise<PopupHandle>;

export interface StoredBlob {
  evidenceId: string;
  /** The Blob's MIME type, or the typeof of whatever is stored instead of a Blob. */
  type: string;
  /** -1 when the row holds no Blob. */
  size: number;
  /** The bytes, when read with `withBlobs`. */
  bytes: Uint8Array | null;
}

export interface DatabaseDump<E = Record<string, unknown>, C = Record<string, unknown>> {
  exists: boolean;
  version: number;
  stores: string[];
  evidence: E[];
  custody: C[];
  blobs: Map<string, StoredBlob>;
}

export declare function openBackgroundPage(
  launched: Pick<LaunchedExtension, 'context' | 'browserSession'>,
  url: string,
): Promise<Page>;

export declare function readDatabase<E = Record<string, unknown>, C = Record<string, unknown>>(
  launched: Pick<LaunchedExtension, 'context' | 'extensionId' | 'browserSession'>,
  options?: { withBlobs?: boolean },
): Promise<DatabaseDump<E, C>>;
