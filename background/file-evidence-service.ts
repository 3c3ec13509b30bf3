import { browser } from 'wxt/browser';
import { parseBrowser } from '@/utils/capture/user-agent';
import { fileSizeProblem } from '@/utils/evidence/checks';
import type { EvidenceRecord } from '@/utils/evidence/types';
import type { AddFileEvidenceRequest } from '@/utils/messages/protocol';
import { getDatabase } from '@/storage/db';
import { addFileEvidence } from '@/storage/file-evidence';
import { readEffectiveCapturer } from '@/platform/effective-settings';
import { refreshBadge } from './badge';
import { storageErrorText } from '@/utils/text';

const THUMBNAIL_WIDTH = 320;
/** Larger images are kept without a preview rather than decoded whole in the background. */
const MAX_PREVIEW_SOURCE_BYTES = 40 * 1024 * 1024;

/**
 * Adds a file the dashboard received by drop or paste. The page hands over a blob: URL of the
 * extension's own origin (runtime messages cannot carry a Blob in Chrome); only such URLs are read.
 */
export async function addDroppedFile(
  request: AddFileEvidenceRequest,
  knownControlIds: ReadonlySet<string>,
): Promise<EvidenceRecord> {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  if (!request.blobUrl.startsWith(`blob:${origin}/`)) {
    throw new Error(storageErrorText.foreignFile);
  }
  const response = await fetch(request.blobUrl);
  const declared = Number(response.headers.get('content-length') ?? '0');
  const early = declared > 0 ? fileSizeProblem(request.fileName, declared) : null;
  if (early) throw new Error(early);
  const data = await response.blob();
  const db = getDatabase();
  const { evidence } = await addFileEvidence(
    db,
    {
      data,
      fileName: request.fileName,
      lastModified: request.lastModified,
      controls: request.controls,
      notes: request.notes,
      effectiveDate: request.effectiveDate,
      ...(request.document ? { document: request.document } : {}),
      ...(await previewOf(data)),
    },
    {
      addedAt: new Date(),
      randomBytes: crypto.getRandomValues(new Uint8Array(6)),
      capturer: await readEffectiveCapturer(db),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      extensionVersion: browser.runtime.getManifest().version,
      browser: parseBrowser(navigator.userAgent),
      knownControlIds,
    },
  );
  void refreshBadge();
  return evidence;
}

/** A PNG preview of an image file for the library's grid; none when the image cannot be decoded. */
async function previewOf(data: Blob): Promise<{ thumbnail?: Blob }> {
  if (!data.type.startsWith('image/') || data.size > MAX_PREVIEW_SOURCE_BYTES) return {};
  try {
    const bitmap = await createImageBitmap(data);
    try {
      const width = Math.min(THUMBNAIL_WIDTH, bitmap.width);
      const height = Math.max(1, Math.round((bitmap.height / bitmap.width) * width));
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) return {};
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      return { thumbnail: await canvas.convertToBlob({ type: 'image/png' }) };
    } finally {
      bitmap.close();
    }
  } catch {
    return {};
  }
}
