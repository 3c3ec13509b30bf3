import type { EvidenceDatabase } from '@/storage/db';
import { openTeamCache, saveTeamPullProgress } from '@/storage/team-cache';
import { pullTeam } from '@/utils/team-store/pull';
import { S3Store, type StoreConfig } from '@/utils/team-store/s3-client';

/** What one pull did, for the sentence the team view shows. */
export interface TeamPullSummary {
  fetched: number;
  verified: number;
  findings: number;
}

let running: Promise<TeamPullSummary> | undefined;

/**
 * Pulls the team store into the team cache. Runs in the background, which alone holds the secret; the
 * dashboard follows the progress the pull writes to the cache. A second request while one runs joins it.
 */
export function pullFromTeamStore(db: EvidenceDatabase, config: StoreConfig): Promise<TeamPullSummary> {
  running ??= (async () => {
    try {
      const store = new S3Store(config);
      const cache = await openTeamCache(db, `${config.endpoint} ${config.bucket} ${config.prefix}`);
      const result = await pullTeam(store, cache, {
        onProgress: (progress) => void saveTeamPullProgress(db, progress),
      });
      return {
        fetched: result.listing.fetched,
        verified: result.checked.length,
        findings: result.checked.reduce((sum, check) => sum + check.findings.length, 0),
      };
    } finally {
      await saveTeamPullProgress(db, undefined);
      running = undefined;
    }
  })();
  return running;
}
