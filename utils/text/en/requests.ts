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
} as const;
