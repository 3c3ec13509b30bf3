import type { LaunchedFirefox } from './firefox.mjs';

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

export declare function setFiles(
  launched: LaunchedFirefox,
  context: string,
  selector: string,
  files: string[],
): Promise<void>;
export declare function click(launched: LaunchedFirefox, context: string, selector: string): Promise<void>;
