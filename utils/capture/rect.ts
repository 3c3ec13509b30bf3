/** An axis-aligned rectangle: its top-left corner and its size, in whatever unit its name says. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
