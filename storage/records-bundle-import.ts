import type { BundledIsmsRecords } from '@/utils/bundle/records-read';
import type { ImportOutcome } from '@/utils/bundle/types';
import type { InternalAudit, ManagementReview } from '@/utils/isms-records/types';
import { ismsRecordsText } from '@/utils/text';
import type { EvidenceDatabase } from './db';
import { logChange } from './isms-records-repository';
import { writeTransaction } from './write-transaction';

const t = ismsRecordsText.bundle;

/**
 * Restores a bundle's internal audits and management reviews that this installation does not hold (each
 * with its `isms-record-change` custody entry); a record held here is kept as it is, its owner keeping it
 * here. A report, minutes or finding the record names is linked only when it is held here (the evidence
 * just imported counts); otherwise the link is left out and said so. One transaction: all or nothing.
 */
export async function importBundledRecords(
  db: EvidenceDatabase,
  records: BundledIsmsRecords | undefined,
  options: { actor: string; at: string },
): Promise<ImportOutcome['ismsRecords']> {
  if (!records) return undefined;
  const { internalAudits, managementReviews } = records;
  if (internalAudits.length + managementReviews.length === 0) return { added: [], kept: 0, unlinked: [] };
  return writeTransaction(
    db,
    [db.internalAudits, db.managementReviews, db.custody, db.evidence, db.findings],
    async () => {
      const outcome = { added: [] as string[], kept: 0, unlinked: [] as string[] };
      const evidenceIds = [
        ...internalAudits.flatMap((audit) => (audit.reportEvidenceId ? [audit.reportEvidenceId] : [])),
        ...managementReviews.flatMap((review) =>
          review.minutesEvidenceId ? [review.minutesEvidenceId] : [],
        ),
      ];
      const findingIds = internalAudits.flatMap((audit) => audit.findingIds);
      const [evidence, findings, heldAudits, heldReviews] = await Promise.all([
        db.evidence.bulkGet(evidenceIds),
        db.findings.bulkGet(findingIds),
        db.internalAudits.bulkGet(internalAudits.map((audit) => audit.id)),
        db.managementReviews.bulkGet(managementReviews.map((review) => review.id)),
      ]);
      const liveEvidence = new Set(
        evidence.flatMap((row) => (row && row.status !== 'deleted' ? [row.id] : [])),
      );
      const heldFindings = new Set(findings.flatMap((row) => (row ? [row.id] : [])));
      const evidenceLink = (id: string | null, owner: string, role: string): string | null => {
        if (id === null || liveEvidence.has(id)) return id;
        outcome.unlinked.push(t.unlinked(owner, role, id));
        return null;
      };
      const stamp = (updatedAt: string) => ({
        createdAt: updatedAt || options.at,
        updatedAt: updatedAt || options.at,
      });

      for (const [index, audit] of internalAudits.entries()) {
        if (heldAudits[index]) {
          outcome.kept++;
          continue;
        }
        const missing = audit.findingIds.filter((id) => !heldFindings.has(id));
        for (const id of missing) outcome.unlinked.push(t.unlinked(audit.id, t.roleFinding, id));
        const restored: InternalAudit = {
          ...audit,
          reportEvidenceId: evidenceLink(audit.reportEvidenceId, audit.id, ismsRecordsText.roles.report),
          findingIds: audit.findingIds.filter((id) => heldFindings.has(id)),
          ...stamp(audit.updatedAt),
        };
        await db.internalAudits.add(restored);
        await logChange(
          db,
          'internal-audit',
          'create',
          { id: restored.id, before: null, after: restored },
          options.actor,
          options.at,
        );
        outcome.added.push(restored.id);
      }
      for (const [index, review] of managementReviews.entries()) {
        if (heldReviews[index]) {
          outcome.kept++;
          continue;
        }
        const restored: ManagementReview = {
          ...review,
          minutesEvidenceId: evidenceLink(review.minutesEvidenceId, review.id, ismsRecordsText.roles.minutes),
          ...stamp(review.updatedAt),
        };
        await db.managementReviews.add(restored);
        await logChange(
          db,
          'management-review',
          'create',
          { id: restored.id, before: null, after: restored },
          options.actor,
          options.at,
        );
        outcome.added.push(restored.id);
      }
      return outcome;
    },
  );
}
