import type { ComponentChildren } from 'preact';

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
      <h2>Export and import</h2>
      <section aria-labelledby="export-heading">
        <h3 id="export-heading">Export the auditor bundle</h3>
        <p>
          A dated zip with every piece of evidence, the register, the Statement of Applicability, the findings
          and the custody log, verifiable with stock tools.
        </p>
        <p>
          <a class="button primary" href={exportUrl}>
            Open the export page
          </a>
        </p>
      </section>
      <section aria-labelledby="import-heading">
        <h3 id="import-heading">Import a bundle</h3>
        <div id="import-slot" data-testid="import-slot">
          {importPanel}
        </div>
      </section>
    </div>
  );
}
