// Pixel-for-pixel comparison of two decoded PNGs (tests/fixtures/hostile/read-png.mjs), for the
// full-page benchmark: how many pixels and rows differ, and how many of those sit at the seams.

const SEAM_REACH = 2;

/**
 * @param {{ width: number, height: number, pixel: (x: number, y: number) => number[] }} actual
 * @param {{ width: number, height: number, pixel: (x: number, y: number) => number[] }} expected
 * @param {number[]} seams device-pixel rows where one tile's band meets the next
 */
export function compareImages(actual, expected, seams) {
  const width = Math.min(actual.width, expected.width);
  const height = Math.min(actual.height, expected.height);
  let mismatchedPixels = 0;
  let maxChannelDelta = 0;
  const mismatchedRowSet = new Set();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = actual.pixel(x, y);
      const b = expected.pixel(x, y);
      const delta = Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
      if (delta === 0) continue;
      mismatchedPixels++;
      maxChannelDelta = Math.max(maxChannelDelta, delta);
      mismatchedRowSet.add(y);
    }
  }
  const seamReports = seams.map((row) => {
    let mismatchedRows = 0;
    let rowsChecked = 0;
    for (let y = row - SEAM_REACH; y <= row + SEAM_REACH; y++) {
      if (y < 0 || y >= height) continue;
      rowsChecked++;
      if (mismatchedRowSet.has(y)) mismatchedRows++;
    }
    return { row, rowsChecked, mismatchedRows };
  });
  return {
    sameSize: actual.width === expected.width && actual.height === expected.height,
    comparedPixels: width * height,
    mismatchedPixels,
    mismatchedRows: mismatchedRowSet.size,
    maxChannelDelta,
    seams: seamReports,
    seamMismatchedRows: seamReports.reduce((sum, seam) => sum + seam.mismatchedRows, 0),
    firstMismatchedRows: [...mismatchedRowSet].sort((a, b) => a - b).slice(0, 10),
  };
}
