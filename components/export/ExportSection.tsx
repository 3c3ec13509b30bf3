import type { ComponentChildren } from 'preact';
import { dashboardText } from '@/utils/text';

export interface ExportSectionProps {
  /** The export page of the extension. */
  exportUrl: string;
  /** The import panel, rendered inside `<div id="import-slot">`. */
  importPanel?: ComponentChildren;
}

/** Export for auditors (its own page: it streams large bundles) and import of a bundle. */
export function ExportSection({ exportUrl, importPanel }: ExportSectionProps) {
  return (
    <div class="export-section">
      <h2>{dashboardText.exportSection.heading}</h2>
      <section aria-labelledby="export-heading">
        <h3 id="export-heading">{dashboardText.exportSection.exportHeading}</h3>
        <p>{dashboardText.exportSection.exportIntro}</p>
        <p>
          <a class="button primary" href={exportUrl}>
            {dashboardText.exportSection.openExportPage}
          </a>
        </p>
      </section>
      <section aria-labelledby="import-heading">
        <h3 id="import-heading">{dashboardText.exportSection.importHeading}</h3>
        <div id="import-slot" data-testid="import-slot">
          {importPanel}
        </div>
      </section>
    </div>
  );
}
