import type { readPng } from '../fixtures/hostile/read-png.mjs';
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
export declare function pointerActions(
  launched: LaunchedFirefox,
  context: string,
  actions: object[],
): Promise<unknown>;
export declare function pressKeys(
  launched: LaunchedFirefox,
  context: string,
  names: string[],
): Promise<unknown>;
export declare function viewportClip(
  launched: LaunchedFirefox,
  context: string,
  box: { x: number; y: number; width: number; height: number },
): Promise<ReturnType<typeof readPng>>;
