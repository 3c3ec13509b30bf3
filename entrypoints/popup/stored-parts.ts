import { readFrameworkScope } from '@/platform/framework-settings';
import { readEffectiveCapturer } from '@/platform/effective-settings';
import { readMaskingView } from '@/platform/masking-settings';
import { readCoverageSnapshot } from '@/storage/coverage-snapshot';
import type { EvidenceDatabase } from '@/storage/db';
import { listNeedsReview } from '@/storage/evidence-repository';
import { listRequests } from '@/storage/request-repository';
import type { StoredParts } from './view';

export type ArrivedPart = <K extends keyof StoredParts>(key: K, value: StoredParts[K]) => void;

/** Starts every read of the popup at once; each part is handed over as it arrives. */
export function readStoredParts(db: EvidenceDatabase, arrive: ArrivedPart): void {
  const part =
    <K extends keyof StoredParts>(key: K) =>
    (value: StoredParts[K]) =>
      arrive(key, value);
  // A part that cannot be read keeps its placeholder; the capture buttons keep working.
  void listNeedsReview(db).then(part('needsReview'), () => undefined);
  void readEffectiveCapturer(db).then(part('capturer'), () => undefined);
  void readCoverageSnapshot(db).then(part('coverage'), () => undefined);
  void readMaskingView(db).then(part('masking'), () => undefined);
  void listRequests(db).then(part('requests'), () => undefined);
  void readFrameworkScope(db).then(part('frameworks'), () => undefined);
}
