import { render } from 'preact';
import { EvidenceSection } from '@/components/library/EvidenceSection';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { getDatabase } from '@/storage/db';
import { createEvidenceServices, type EvidenceWrites } from './evidence-section-services';
import { sendMessage } from '@/platform/messaging';
import { readTeamStoreView } from '@/platform/team-store-settings';
import '@/components/library/library.css';

export interface EvidenceSectionOptions {
  /** Where the backup prompt sends the user to export (default: the export page). */
  exportHref?: string;
  /** Opens this evidence at once. */
  selectedId?: string;
}

/** Every write goes to the background, the only writer of the database. */
const backgroundWrites: EvidenceWrites = {
  async edit(id, change) {
    await sendMessage('editEvidence', { evidenceId: id, ...change });
  },
  async supersede(id, supersededBy, note) {
    await sendMessage('supersedeEvidence', { evidenceId: id, supersededBy, note });
  },
  async remove(id, reason, removeDescription) {
    await sendMessage('deleteEvidence', { evidenceId: id, reason, removeDescription });
  },
  async addFile(file, tagging) {
    // Runtime messages cannot carry a Blob in Chrome: the background reads the file through a blob: URL.
    const blobUrl = URL.createObjectURL(file);
    try {
      const evidence = await sendMessage('addFileEvidence', {
        blobUrl,
        fileName: file.name,
        lastModified: file.lastModified,
        ...tagging,
      });
      return evidence.id;
    } finally {
      URL.revokeObjectURL(blobUrl);
    }
  },
};

function saveCopy(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Mounts the evidence section (the dashboard's #evidence): reads through storage/ in this page,
 * writes through the background. Returns a function that unmounts it and releases its object URLs.
 */
export function mountEvidenceSection(element: HTMLElement, options: EvidenceSectionOptions = {}): () => void {
  const services = createEvidenceServices({
    db: getDatabase(),
    writes: backgroundWrites,
    storage: navigator.storage,
    save: saveCopy,
    createObjectUrl: (blob) => URL.createObjectURL(blob),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
    teamStore: readTeamStoreView,
  });
  let refreshKey = 0;
  const show = () =>
    render(
      <EvidenceSection
        catalogue={DEFAULT_CATALOGUE}
        services={services}
        exportHref={options.exportHref ?? '/export.html'}
        refreshKey={refreshKey}
        {...(options.selectedId ? { initialSelectedId: options.selectedId } : {})}
      />,
      element,
    );
  // Captures taken from the popup while the dashboard was in the background show up on return.
  const onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    refreshKey++;
    show();
  };
  document.addEventListener('visibilitychange', onVisible);
  show();
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    render(null, element);
    services.release();
  };
}
