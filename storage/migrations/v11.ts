/**
 * Version 11 adds the team view's cache (the compliance lead's pull from the team store; team-cache.ts):
 * - `teamVersions`: every version of every record and custody object pulled, by `<key>#<versionId>`, indexed by
 *   installation, with the SHA-256 of its body and the body parsed. A version is fetched once, ever.
 * - `teamBlobs`: each artifact blob pulled, by SHA-256: what its bytes hashed to, and the bytes when they match.
 * - `teamRecords`: the evidence that passed verification, newest revision, by `<installation>/<evidence-id>`.
 * - `teamInstallations`: per installation the last check: findings, chain state, and the coverage digest in
 *   columns, so the team coverage view reads 20 rows, not 200,000.
 * - `teamCustody`: per installation its verified custody entries (what a team bundle carries).
 * - `teamState`: the listing's marker (resume after a stop), the installations still to verify, and which store
 *   the cache belongs to.
 * New tables only: no existing row is rewritten, and none of them is ever merged into the local evidence.
 */
export const SCHEMA_V11 = {
  teamVersions: 'id, installationId',
  teamBlobs: 'sha256',
  teamRecords: 'id, installationId',
  teamInstallations: 'installationId',
  teamCustody: 'installationId',
  teamState: 'id',
} as const;
