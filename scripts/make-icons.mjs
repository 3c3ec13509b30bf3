// Draws the toolbar and store icons (a shield with a check mark) as PNGs into public/icon/.
// Run once after changing the design: `node scripts/make-icons.mjs`. Pure Node: zlib + CRC32.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
const NAVY = [16, 36, 62];
const GOLD = [255, 191, 71];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Coverage of a pixel by the shape, from 4×4 supersampling. */
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const inShield = (x, y) => {
    // Unit square coordinates: a shield with a flat top and a pointed bottom.
    if (y < 0.06 || y > 0.96 || x < 0.1 || x > 0.9) return false;
    if (y < 0.55) return true;
    const half = 0.4 * Math.sqrt(Math.max(0, (0.96 - y) / 0.41));
    return Math.abs(x - 0.5) <= half;
  };
  const onCheck = (x, y) => {
    const distance = (ax, ay, bx, by) => {
      const t = Math.max(
        0,
        Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
      );
      return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
    };
    return Math.min(distance(0.3, 0.5, 0.45, 0.66), distance(0.45, 0.66, 0.72, 0.34)) < 0.065;
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let shield = 0;
      let check = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = (px + (sx + 0.5) / 4) / size;
          const y = (py + (sy + 0.5) / 4) / size;
          if (inShield(x, y)) {
            shield++;
            if (onCheck(x, y)) check++;
          }
        }
      }
      const offset = (py * size + px) * 4;
      const mix = check / Math.max(1, shield);
      for (let c = 0; c < 3; c++) rgba[offset + c] = Math.round(NAVY[c] * (1 - mix) + GOLD[c] * mix);
      rgba[offset + 3] = Math.round((shield / 16) * 255);
    }
  }
  return rgba;
}

function png(size) {
  const rgba = draw(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 96, 128]) writeFileSync(path.join(OUT, `${size}.png`), png(size));
console.log(`Icons written to ${OUT}`);
