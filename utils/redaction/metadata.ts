import { blackoutProblemText } from '../text';
import type { FractionRect, PixelRect } from './rectangles';

/** What a manual black-out did, recorded in metadata.json and in the custody log. */
export interface ManualRedaction {
  at: string;
  actor: string;
  /** The image the rectangles were drawn on (and, shifted below the stamp band, its stamped copy). */
  image: string;
  /** In pixels of that image. */
  rectangles: PixelRect[];
  /** As fractions of the image, as drawn. */
  fractions: FractionRect[];
  scope: string;
}

/** Manual black-out covers pixels only: the DOM snapshot holds no geometry to tell which text lay beneath. */
export const MANUAL_REDACTION_SCOPE = blackoutProblemText.manualScope;

/** metadata.json with one more manual black-out appended (earlier ones are kept). */
export function withManualRedaction(metadataJson: string, redaction: ManualRedaction): string {
  const metadata = JSON.parse(metadataJson) as Record<string, unknown>;
  const earlier = Array.isArray(metadata.manualRedactions) ? metadata.manualRedactions : [];
  return `${JSON.stringify({ ...metadata, manualRedactions: [...earlier, redaction] }, null, 2)}\n`;
}
