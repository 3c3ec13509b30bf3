import type { CustodyEntry } from '@/utils/evidence/types';
import { EVENT_LABELS, formatDateTime } from './labels';
import { evidenceText } from '@/utils/text';

export interface CustodyHistoryProps {
  entries: readonly CustodyEntry[];
}

/** The chained log entries of one item, oldest first, each saying what changed. */
export function CustodyHistory({ entries }: CustodyHistoryProps) {
  if (entries.length === 0) return <p class="hint">{evidenceText.noCustody}</p>;
  return (
    <ol class="custody-history" data-testid="custody-history">
      {entries.map((entry) => (
        <li key={entry.sequence} data-event={entry.event}>
          <span class="custody-head">
            <strong>{EVENT_LABELS[entry.event]}</strong> · {formatDateTime(entry.at)} · {entry.actor}
          </span>
          {describeDetails(entry) && <span class="custody-details">{describeDetails(entry)}</span>}
          <span class="hint">
            {evidenceText.entry(entry.sequence)} <code title={entry.hash}>{entry.hash.slice(0, 12)}…</code>
          </span>
        </li>
      ))}
    </ol>
  );
}

const { custody } = evidenceText;

function list(value: unknown): string {
  return Array.isArray(value) && value.length > 0 ? value.join(', ') : custody.none;
}

function describeDetails(entry: CustodyEntry): string {
  const details = entry.details;
  switch (entry.event) {
    case 'retag': {
      const parts = [custody.controls(list(details['from']), list(details['to']))];
      if (details['statusFrom'] !== details['statusTo'])
        parts.push(custody.status(String(details['statusFrom']), String(details['statusTo'])));
      return parts.join('; ');
    }
    case 'annotate': {
      const parts: string[] = [];
      if (details['effectiveDateFrom'] !== details['effectiveDateTo']) {
        parts.push(
          custody.effectiveDate(String(details['effectiveDateFrom']), String(details['effectiveDateTo'])),
        );
      }
      if (typeof details['notes'] === 'string' && details['notes'] !== details['notesFrom'])
        parts.push(custody.notes(details['notes']));
      if ('documentTo' in details) parts.push(custody.documentChanged);
      return parts.join('; ');
    }
    case 'supersede':
      return custody.supersededBy(
        String(details['supersededBy']),
        details['note'] ? String(details['note']) : '',
      );
    case 'delete':
      return custody.deleted(String(details['reason']), String(details['bytesRemoved'] ?? 0));
    case 'capture':
      return details['method'] === 'upload'
        ? custody.fileAdded(String(details['fileName'] ?? ''))
        : custody.capturedFor(list(details['controls']));
    case 'export':
    case 'import':
      return typeof details['bundle'] === 'string' ? custody.bundle(details['bundle']) : '';
    default:
      return '';
  }
}
