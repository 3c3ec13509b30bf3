import { useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { Artifact } from '@/utils/evidence/types';
import { ArtifactHashes } from './ArtifactHashes';
import { ArtifactPreview } from './ArtifactPreview';
import { CustodyHistory } from './CustodyHistory';
import { DeleteEvidenceForm } from './DeleteEvidenceForm';
import { EvidenceEditForm } from './EvidenceEditForm';
import { EvidenceImageViewer } from './EvidenceImageViewer';
import { EvidenceMetadata } from './EvidenceMetadata';
import { RecordSyncState } from './RecordSyncState';
import { SupersedeForm } from './SupersedeForm';
import type { ArtifactContent, EvidenceChange, EvidenceDetailData } from './types';
import { commonText, evidenceText } from '@/utils/text';

export interface EvidenceDetailProps {
  catalogue: Catalogue;
  detail: EvidenceDetailData;
  loadArtifact: (artifact: Artifact) => Promise<ArtifactContent>;
  onDownload: (artifact: Artifact) => void;
  onEdit: (change: EvidenceChange) => Promise<void>;
  onSupersede: (supersededBy: string, note: string) => Promise<void>;
  onDelete: (reason: string, removeDescription: boolean) => Promise<void>;
  onOpen: (id: string) => void;
  onClose: () => void;
}

const IMAGE_ORDER: Partial<Record<Artifact['role'], number>> = { stamped: 0, original: 1, file: 2 };

/** One piece of evidence: image, text and tables, facts, hashes, history, and the ways to correct it. */
export function EvidenceDetail(props: EvidenceDetailProps) {
  const { catalogue, detail, loadArtifact, onDownload, onEdit, onSupersede, onDelete, onOpen, onClose } =
    props;
  const { record, history, teamStore } = detail;
  const inStore =
    teamStore !== undefined &&
    (teamStore.state.where === 'stored' ||
      (teamStore.state.where === 'uploading' && teamStore.state.uploaded));
  // Text and tables are read when their preview is first opened.
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const deleted = record.status === 'deleted';
  const images = record.artifacts
    .filter(
      (artifact) =>
        artifact.role in IMAGE_ORDER && (artifact.role !== 'file' || artifact.mimeType.startsWith('image/')),
    )
    .sort((a, b) => IMAGE_ORDER[a.role]! - IMAGE_ORDER[b.role]!);
  const texts = record.artifacts.filter(
    (artifact) =>
      artifact.role === 'text' || (artifact.role === 'file' && /^text\/plain/.test(artifact.mimeType)),
  );
  const tables = record.artifacts.filter(
    (artifact) =>
      artifact.role === 'table' || (artifact.role === 'file' && /^text\/csv/.test(artifact.mimeType)),
  );

  return (
    <article
      class="evidence-detail"
      data-testid="evidence-detail"
      data-evidence-id={record.id}
      aria-labelledby="evidence-detail-title"
    >
      <header class="detail-header">
        <h2 id="evidence-detail-title">{record.title || record.url || record.id}</h2>
        <button type="button" onClick={onClose} aria-label={evidenceText.closeDetail}>
          {commonText.close}
        </button>
      </header>
      {deleted ? (
        <p class="hint" data-testid="tombstone-notice">
          {evidenceText.tombstone}
        </p>
      ) : (
        images.length > 0 && (
          <EvidenceImageViewer images={images} title={record.title || record.id} load={loadArtifact} />
        )
      )}
      <EvidenceMetadata catalogue={catalogue} record={record} onOpen={onOpen} />
      {!deleted &&
        [...texts, ...tables].map((artifact) => (
          <details
            key={artifact.name}
            class="artifact-preview"
            onToggle={(event) => {
              const open = event.currentTarget.open;
              setOpened((current) => (open ? new Set(current).add(artifact.name) : current));
            }}
          >
            <summary>
              {evidenceText.previewSummary(
                artifact.role === 'text' ? evidenceText.pageText : evidenceText.table,
                artifact.name,
              )}
            </summary>
            {opened.has(artifact.name) && <ArtifactPreview artifact={artifact} load={loadArtifact} />}
          </details>
        ))}
      <h3>{evidenceText.filesHeading}</h3>
      <ArtifactHashes artifacts={record.artifacts} bytesStored={!deleted} onDownload={onDownload} />
      <h3>{evidenceText.historyHeading}</h3>
      <CustodyHistory entries={history} />
      {teamStore && <RecordSyncState state={teamStore.state} />}
      {!deleted && (
        <>
          <h3>{evidenceText.correctHeading}</h3>
          <EvidenceEditForm
            key={`${record.id}:${history.length}`}
            catalogue={catalogue}
            record={record}
            onSave={onEdit}
          />
          {record.status !== 'superseded' && (
            <details class="danger-zone">
              <summary>{evidenceText.supersedeHeading}</summary>
              <SupersedeForm evidenceId={record.id} onSupersede={onSupersede} />
            </details>
          )}
          <details class="danger-zone">
            <summary>{evidenceText.deleteHeading}</summary>
            <DeleteEvidenceForm
              evidenceId={record.id}
              inLockedTeamStore={inStore && teamStore.locked}
              onDelete={onDelete}
            />
          </details>
        </>
      )}
    </article>
  );
}
