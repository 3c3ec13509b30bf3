import type { CssRect, ElementMethod, Size } from '../capture/element/geometry';
import type { MaskingRule } from '../masking/types';
import type { CollectResult, MaskRect } from './full-page-protocol';

/** One step the background asks of the element agent, across `scripting.executeScript` as plain data. */
export type ElementStep =
  { kind: 'prepare'; masking: MaskingRule[] | null } | { kind: 'collect' } | { kind: 'restore' };

/** The attribute that tells the html2canvas script (possibly in another world) which element to render. */
export const RENDER_ATTRIBUTE = 'data-isms-evidence-render';

/** What the render script reads from that attribute. */
export interface RenderRequest {
  scale: number;
  /** CSS pixels to render from the element's top; less than its height when canvas limits cut it. */
  height: number;
}

export interface PrepareResult {
  url: string;
  kind: 'element' | 'region';
  method: ElementMethod;
  /** Where the selection is in the viewport now, in CSS pixels (beyond the viewport for html2canvas). */
  rect: CssRect;
  viewport: Size;
  devicePixelRatio: number;
  /** Tag, id and classes of the element (or of the element holding the region). */
  description: string;
  /** Areas to black out, in viewport CSS pixels. */
  maskRects: MaskRect[];
  /** html2canvas only: the element is taller than the canvas can hold, so the image is cut. */
  cut: boolean;
  /** html2canvas only: images from other origins, which the re-rendering leaves out. */
  crossOriginImages: number;
}

export interface ElementStepResults {
  prepare: PrepareResult;
  collect: CollectResult;
  restore: { pageChanges: string[] };
}

/** What the render script returns (its injection result). */
export type RenderReply =
  | {
      ok: true;
      dataUrl: string;
      /** Image pixels. */
      width: number;
      height: number;
      /** Inside the page: html2canvas-pro itself, then the PNG encoding. */
      renderMs: number;
      encodeMs: number;
    }
  | { ok: false; error: string };
