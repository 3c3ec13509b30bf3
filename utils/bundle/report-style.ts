/** The report's only styling, inline so index.html stays one self-contained file. */
export const REPORT_CSS = `
:root { color-scheme: light; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #17202b; }
body { margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #d5dbe3; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .3rem; }
h4 { font-size: .95rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
a { color: #1f5fbf; }
code, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
.muted { color: #5b6673; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #d5dbe3; padding: .25rem .5rem; text-align: left; vertical-align: top; }
nav ul { columns: 2; padding-left: 1.2rem; }
.control { border-top: 1px solid #d5dbe3; padding-top: .3rem; }
.status { display: inline-block; border-radius: 999px; padding: 0 .6em; font-size: .8em; font-weight: 600; color: #fff; background: #6b7280; }
.status-covered, .ready { background: #1d7a3a; }
.status-due-soon { background: #8a5a00; }
.status-stale { background: #b3541e; }
.status-missing, .not-ready { background: #b00020; }
.evidence { display: flex; gap: 1rem; border: 1px solid #d5dbe3; border-radius: 6px; padding: .6rem; margin: .5rem 0; break-inside: avoid; }
.evidence img { width: 200px; max-height: 150px; object-fit: contain; object-position: top; border: 1px solid #d5dbe3; }
.thumb-missing { width: 200px; color: #5b6673; font-size: .85em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .3rem 0 0; }
dt { color: #5b6673; }
dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.files { list-style: none; padding: 0; margin: 0; }
@media print { .evidence { page-break-inside: avoid; } a { color: inherit; } }
`;
