import type { DocumentControl } from '@/utils/evidence/types';
import { soaText } from '@/utils/text';

export interface ControlledDocumentSummary {
  evidenceId: string;
  title: string;
  controls: readonly string[];
  document: DocumentControl;
}

/** Document control of a clause's documented information: version, approver, approval date. */
export function ClauseDocuments({
  documents,
  required,
}: {
  documents: readonly ControlledDocumentSummary[];
  required: boolean;
}) {
  if (documents.length === 0) {
    return required ? (
      <span class="hint clause-documents" data-testid="clause-documents">
        {soaText.noControlledDocument}
      </span>
    ) : null;
  }
  return (
    <ul class="hint clause-documents" data-testid="clause-documents">
      {documents.map(({ evidenceId, title, document }) => (
        <li key={evidenceId}>
          {soaText.controlledDocument(title || evidenceId, document.version, document.approver)}{' '}
          {document.approvalDate}
        </li>
      ))}
    </ul>
  );
}
