/** The auditor's request lists: import problems, statuses, progress. */
export const requestText = {
  status: {
    open: 'Open',
    'in-progress': 'In progress',
    provided: 'Provided',
    accepted: 'Accepted',
    returned: 'Returned with a comment',
  },
  import: {
    emptyFile: 'The file has no header row. The first line must name the columns, e.g. Reference, Request.',
    tooManyRows: (rows: number, limit: number) =>
      `The file has ${rows} requests; one import reads at most ${limit}. Split the list and import it in parts.`,
    duplicateColumn: (column: string) =>
      `Two columns feed "${column}". Set one of them to "ignore" in the column mapping.`,
    missingColumns: (columns: readonly string[]) =>
      `No column feeds ${columns.map((column) => `"${column}"`).join(', ')}. Name the column so or pick it in the column mapping.`,
    missingValue: (column: string) => `"${column}" is empty; every request needs one.`,
    duplicateReference: (reference: string, firstLine: number) =>
      `Reference ${reference} already appears on line ${firstLine} for the same audit. Give each request its own reference.`,
    unknownControl: (id: string) =>
      `"${id}" is not an ISO/IEC 27001:2022 control or clause. Write it as A.8.13 or 9.2, or remove it.`,
    badDate: (column: string, cell: string) =>
      `"${cell}" in "${column}" is not a date. Write it as YYYY-MM-DD, e.g. 2026-03-31.`,
    formulaCell: (column: string, first: string) =>
      `"${column}" starts with "${first}", which a spreadsheet runs as a formula. Remove the "${first}" or put a ' before it.`,
    badStatus: (cell: string, allowed: readonly string[]) =>
      `"${cell}" is not a status. Use one of: ${allowed.join(', ')}.`,
  },
  change: {
    noSuchItem: (reference: string, item: number) => `${reference} has no item ${item}.`,
    unknownRequest: (reference: string) =>
      `Request ${reference} is no longer in the list; it may have been removed in another window. Reload the list.`,
    unknownEvidence: (id: string) =>
      `Evidence ${id} is not in this browser's store, so it cannot be filed against a request.`,
    alreadyExists: (reference: string, audit: string) =>
      `${audit} already has a request ${reference}. Give the new one its own reference, or edit the existing one.`,
    returnNeedsComment: 'A returned request needs the auditor’s comment: write what they asked for.',
  },
  progress: (provided: number, total: number) => `${provided} of ${total} provided`,
  itemOf: (reference: string, item: number, items: number) => `${reference} (item ${item} of ${items})`,
  overdue: 'Overdue',
  screen: {
    heading: 'Request lists',
    intro:
      'The auditor’s numbered requests, audit by audit. File captures against a request from the popup; mark what you handed over and what came back.',
    none: 'No request list yet. Import the auditor’s CSV or add a request by hand.',
    audit: 'Audit',
    listProgress: (provided: number, total: number, overdue: number) =>
      `${provided} of ${total} provided${overdue > 0 ? `, ${overdue} overdue` : ''}`,
    columns: {
      reference: 'Ref.',
      request: 'Request',
      controls: 'Controls',
      due: 'Due',
      owner: 'Owner',
      status: 'Status',
      evidence: 'Evidence',
    },
    items: (provided: number, total: number) => `${provided}/${total} items`,
    evidenceCount: (count: number) => (count === 1 ? '1 item' : `${count} items`),
    noDate: '—',
    nobody: 'unassigned',
    open: (reference: string) => `Open request ${reference}`,
    importButton: 'Import a request list (CSV)…',
    shownOf: (shown: number, total: number) => `The first ${shown} of ${total} requests, most urgent first.`,
    showAll: (total: number) => `Show all ${total}`,
    addButton: 'Add a request',
    back: 'Back to the list',
  },
  importer: {
    heading: 'Import a request list',
    file: 'CSV file',
    audit: 'Audit these requests belong to (when the file has no Audit column)',
    auditPlaceholder: 'Stage 2',
    xlsxNote: 'Save an Excel list as CSV (UTF-8) first: the extension reads CSV only.',
    mappingHeading: 'Columns',
    ignore: '(ignore)',
    problemsHeading: (count: number) => (count === 1 ? '1 problem' : `${count} problems`),
    problemsHint: 'Fix the file and choose it again, or change the column mapping. Nothing has been written.',
    line: (line: number) => (line === 0 ? 'File' : `Line ${line}`),
    previewHeading: (count: number) => (count === 1 ? '1 request to import' : `${count} requests to import`),
    suggested: 'Suggested controls',
    accept: (reference: string, ids: readonly string[]) => `Add ${ids.join(', ')} to ${reference}`,
    confirm: (count: number) => `Import ${count === 1 ? '1 request' : `${count} requests`}`,
    cancel: 'Cancel',
    imported: (count: number, audit: string) =>
      `${count === 1 ? '1 request' : `${count} requests`} imported into ${audit}.`,
    readFailed: (reason: string) => `The file could not be read: ${reason}`,
  },
  form: {
    newHeading: 'New request',
    editHeading: (reference: string) => `Edit ${reference}`,
    reference: 'Reference',
    text: 'Request',
    controls: 'Controls (IDs, comma separated)',
    audit: 'Audit',
    dueDate: 'Due date',
    owner: 'Owner',
    population: 'Population (sample requests)',
    items: 'Sample items (one a line)',
    save: 'Save request',
    cancel: 'Cancel',
    saved: (reference: string) => `${reference} saved.`,
  },
  detail: {
    heading: (reference: string, audit: string) => `${reference} · ${audit}`,
    population: (population: string) => `Population: ${population}`,
    evidenceHeading: 'Evidence filed against this request',
    noEvidence: 'Nothing filed yet. Capture from the popup and choose this request in the tagging view.',
    missingEvidence: 'not in this browser’s store',
    itemsHeading: 'Sample items',
    itemEvidence: (count: number) => (count === 1 ? '1 evidence item' : `${count} evidence items`),
    setStatus: 'Set status',
    statusFor: (what: string) => `Status of ${what}`,
    comment: 'Auditor’s comment (needed for "returned")',
    apply: 'Apply',
    commentShown: (comment: string) => `Auditor: ${comment}`,
    edit: 'Edit',
    statusSaved: (what: string, status: string) => `${what}: ${status}. Recorded in the custody log.`,
  },
  export: {
    choose: 'Evidence for',
    byFilters: 'the audit window, themes and controls below',
    forList: (audit: string) => `request list ${audit} (only evidence filed against its requests)`,
    hint: 'The bundle holds the evidence filed against this list’s requests, whatever its date or controls, with data/requests.csv and a Requests section first in index.html.',
  },
  popup: {
    dueHeading: (count: number) => (count === 1 ? '1 request due for you' : `${count} requests due for you`),
    dueLabel: 'Requests due for you',
    due: (date: string | null) => (date === null ? 'no due date' : `due ${date}`),
    captureFor: (label: string) => `Capture for ${label}`,
    fileAgainst: 'File against request',
    none: 'No request',
    option: (label: string, text: string) => `${label} — ${text}`,
    filed: (label: string) => `Filed against ${label}.`,
  },
} as const;
