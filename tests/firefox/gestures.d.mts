import type { LaunchedFirefox } from './firefox.mjs';

export declare function pressShortcut(launched: LaunchedFirefox, shortcut: string): Promise<void>;
export declare function chooseContextMenuItem(
  launched: LaunchedFirefox,
  context: string,
  label: string,
  point?: { x: number; y: number },
): Promise<void>;
export declare function mouseClick(
  launched: LaunchedFirefox,
  context: string,
  selector: string,
): Promise<void>;
