/**
 * The zip records the streaming writer emits (APPNOTE.TXT 6.3): local file header, data descriptor, central
 * directory header, and the end records, ZIP64 ones where a count, size or offset passes what 16 or 32 bits hold.
 * Names are UTF-8 (flag bit 11); times are the DOS local time plus the UTC extended timestamp (0x5455).
 */

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

/** Flag bit 3: CRC and sizes follow the data in a data descriptor. */
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
/** Made by Unix (3), spec 6.3: external attributes carry the file mode, so extracted files are rw-r--r--. */
const MADE_BY = (3 << 8) | 63;
const FILE_MODE = 0o100644;
const MAX32 = 0xffffffff;
export const MAX16 = 0xffff;

export interface EntryHeader {
  name: Uint8Array;
  method: number;
  modified: Date;
  /** Local header with sizes zero and a data descriptor after the data (streamed entries). */
  descriptor: boolean;
  /** ZIP64 local header and descriptor: sizes may pass 4 GiB (or the writer was asked for ZIP64). */
  zip64: boolean;
  crc: number;
  compressedSize: number;
  size: number;
}

export interface CentralEntry extends EntryHeader {
  offset: number;
  /** ZIP64 fields for every size and offset, even small ones. */
  forceZip64: boolean;
}

function dosTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function unixSeconds(date: Date): number {
  return Math.min(Math.max(Math.floor(date.getTime() / 1000), 0), MAX32);
}

function setUint64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % 2 ** 32, true);
  view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
}

/** Header fields shared by the local and the central header, from "version needed" to the name length. */
function commonFields(view: DataView, at: number, entry: EntryHeader, zip64: boolean): void {
  const { time, date } = dosTime(entry.modified);
  view.setUint16(at, zip64 ? VERSION_ZIP64 : VERSION_DEFAULT, true);
  view.setUint16(at + 2, FLAG_UTF8 | (entry.descriptor ? FLAG_DESCRIPTOR : 0), true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, time, true);
  view.setUint16(at + 8, date, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint16(at + 22, entry.name.length, true);
}

const TIMESTAMP_EXTRA = 9;

function timestampExtra(view: DataView, at: number, modified: Date): void {
  view.setUint16(at, 0x5455, true);
  view.setUint16(at + 2, 5, true);
  view.setUint8(at + 4, 1); // modification time present
  view.setUint32(at + 5, unixSeconds(modified), true);
}

export function localHeader(entry: EntryHeader): Uint8Array {
  const zip64Extra = entry.zip64 ? 20 : 0;
  const bytes = new Uint8Array(30 + entry.name.length + zip64Extra + TIMESTAMP_EXTRA);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x04034b50, true);
  commonFields(view, 4, entry, entry.zip64);
  const known = !entry.descriptor;
  view.setUint32(18, entry.zip64 ? MAX32 : known ? entry.compressedSize : 0, true);
  view.setUint32(22, entry.zip64 ? MAX32 : known ? entry.size : 0, true);
  view.setUint16(28, zip64Extra + TIMESTAMP_EXTRA, true);
  bytes.set(entry.name, 30);
  let at = 30 + entry.name.length;
  if (entry.zip64) {
    // The local ZIP64 field holds both sizes, in this order; zero when a data descriptor follows.
    view.setUint16(at, 0x0001, true);
    view.setUint16(at + 2, 16, true);
    setUint64(view, at + 4, known ? entry.size : 0);
    setUint64(view, at + 12, known ? entry.compressedSize : 0);
    at += 20;
  }
  timestampExtra(view, at, entry.modified);
  return bytes;
}

export function dataDescriptor(entry: EntryHeader): Uint8Array {
  const bytes = new Uint8Array(entry.zip64 ? 24 : 16);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x08074b50, true);
  view.setUint32(4, entry.crc, true);
  if (entry.zip64) {
    setUint64(view, 8, entry.compressedSize);
    setUint64(view, 16, entry.size);
  } else {
    view.setUint32(8, entry.compressedSize, true);
    view.setUint32(12, entry.size, true);
  }
  return bytes;
}

export function centralHeader(entry: CentralEntry): Uint8Array {
  const force = entry.forceZip64;
  const wide = [entry.size, entry.compressedSize, entry.offset].map((value) => force || value >= MAX32);
  const [wideSize, wideCompressed, wideOffset] = wide as [boolean, boolean, boolean];
  const wideCount = wide.filter(Boolean).length;
  const zip64Extra = wideCount ? 4 + 8 * wideCount : 0;
  const bytes = new Uint8Array(46 + entry.name.length + zip64Extra + TIMESTAMP_EXTRA);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, MADE_BY, true);
  commonFields(view, 6, entry, wideCount > 0 || entry.zip64);
  view.setUint32(20, wideCompressed ? MAX32 : entry.compressedSize, true);
  view.setUint32(24, wideSize ? MAX32 : entry.size, true);
  view.setUint16(30, zip64Extra + TIMESTAMP_EXTRA, true);
  view.setUint32(38, (FILE_MODE << 16) >>> 0, true);
  view.setUint32(42, wideOffset ? MAX32 : entry.offset, true);
  bytes.set(entry.name, 46);
  let at = 46 + entry.name.length;
  if (wideCount) {
    // Only the fields set to 0xFFFFFFFF above, in the order the spec gives.
    view.setUint16(at, 0x0001, true);
    view.setUint16(at + 2, 8 * wideCount, true);
    at += 4;
    for (const [isWide, value] of [
      [wideSize, entry.size],
      [wideCompressed, entry.compressedSize],
      [wideOffset, entry.offset],
    ] as const) {
      if (!isWide) continue;
      setUint64(view, at, value);
      at += 8;
    }
  }
  timestampExtra(view, at, entry.modified);
  return bytes;
}

export interface DirectoryEnd {
  entries: number;
  directoryOffset: number;
  directorySize: number;
  forceZip64: boolean;
}

/** The end of the zip: the ZIP64 end record and its locator when needed, then the classic end record. */
export function directoryEnd(end: DirectoryEnd): Uint8Array {
  const zip64 =
    end.forceZip64 || end.entries >= MAX16 || end.directoryOffset >= MAX32 || end.directorySize >= MAX32;
  const bytes = new Uint8Array((zip64 ? 56 + 20 : 0) + 22);
  const view = new DataView(bytes.buffer);
  let at = 0;
  if (zip64) {
    const recordOffset = end.directoryOffset + end.directorySize;
    view.setUint32(0, 0x06064b50, true);
    setUint64(view, 4, 44);
    view.setUint16(12, MADE_BY, true);
    view.setUint16(14, VERSION_ZIP64, true);
    setUint64(view, 24, end.entries);
    setUint64(view, 32, end.entries);
    setUint64(view, 40, end.directorySize);
    setUint64(view, 48, end.directoryOffset);
    view.setUint32(56, 0x07064b50, true);
    setUint64(view, 64, recordOffset);
    view.setUint32(72, 1, true);
    at = 76;
  }
  view.setUint32(at, 0x06054b50, true);
  // A value too wide for its field is all ones there; the reader takes it from the ZIP64 record.
  const count = Math.min(end.entries, MAX16);
  view.setUint16(at + 8, count, true);
  view.setUint16(at + 10, count, true);
  view.setUint32(at + 12, Math.min(end.directorySize, MAX32), true);
  view.setUint32(at + 16, Math.min(end.directoryOffset, MAX32), true);
  return bytes;
}
