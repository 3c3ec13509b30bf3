/**
 * Sentences for failures, shown in the popup and the dashboard. Each says what happened and what to do:
 * "Capture failed: this page blocks extensions", not a stack trace.
 */
export const captureErrorText = {
  rateLimited:
    'Capture failed: the browser allows only two screenshots per second. Wait a moment and try again.',
  tabClosed: 'Capture failed: the tab was closed during the capture. Nothing was stored.',
  diskFull:
    'Capture not stored: the disk is full. Free some space (or export and delete old evidence), then try again. Earlier evidence is intact.',
  noAccess:
    'Capture failed: the extension has no access to this tab. Click the toolbar button (or use the shortcut) on the page you want to capture.',
  unknown: (reason: string) => `Capture failed: ${reason}. Nothing was stored.`,
  cannotSeeTab:
    'Capture failed: the extension cannot see this tab. Click the toolbar button on the page you want to capture.',
  notWebPage: (url: string) => `Capture failed: "${url}" is not a web page.`,
  browserPage: (scheme: string) =>
    `Capture failed: browser pages (${scheme}//) cannot be captured by extensions. Open the admin console page you want as evidence.`,
  extensionStore:
    'Capture failed: browsers do not let extensions capture their extension store. Take the evidence from another page.',
  pdfViewer:
    "Capture failed: this is the browser's PDF viewer, which extensions cannot read. Download the PDF and add it to the evidence library as a file.",
  unsupportedScheme: (scheme: string) => `Capture failed: ${scheme}// pages cannot be captured.`,
  pageChanged:
    'Capture failed: the page changed while it was being captured. Nothing was stored; try again once the page has loaded.',
  pageSilent: (seconds: number) =>
    `Capture failed: the page did not answer within ${seconds} seconds. Nothing was stored; reload the page and try again.`,
  pageNotPrepared: (reason: string) =>
    `Capture failed: the page could not be prepared (${reason}). Nothing was stored.`,
  scrollBlocked: (asked: number, stayed: number) =>
    `Capture failed: this page does not let itself be scrolled (asked to scroll to ${asked} px, it stayed at ${stayed} px), so it cannot be captured as a full page. Nothing was stored; use “Capture visible area” instead.`,
  noContent: 'The page did not return its content (it may block extensions).',
  cannotDraw: 'This browser cannot draw images in the background.',
};

/** Refusals and failures of the background and the database, for every screen that writes. */
export const storageErrorText = {
  notTrusted: 'Refused: only the extension’s own pages may send this message.',
  unknownMessage: 'Refused: unknown message.',
  notSavedDiskFull: 'Not saved: the disk is full. Free some space and try again.',
  notSaved: (reason: string) => `Not saved: ${reason}`,
  noAnswer: 'The extension’s background did not answer. Reload the extension and try again.',
  backgroundStopped:
    'The extension’s background stopped before it answered. Nothing half-done was kept (evidence is stored whole or not at all); try again.',
  foreignFile: 'Refused: the file must come from the extension’s own page.',
  statusNotSettable: 'Status can be set to ready or needs review; use supersede or delete for the others.',
  supersedeItself: 'Evidence cannot supersede itself: choose a newer capture.',
  alreadySuperseded: (id: string, by: string | undefined) =>
    `${id} is already superseded by ${by ?? 'another capture'}.`,
  replacementMissing: (id: string) => `${id} does not exist or was deleted: choose an existing capture.`,
  replacementSuperseded: (id: string) => `${id} is itself superseded: choose the newest capture.`,
  replacementOlder: (id: string, newer: string, older: string) =>
    `${id} attests to ${newer}, earlier than ${older}: a replacement must be at least as recent.`,
  noSuchEvidence: (id: string) => `Evidence ${id} does not exist.`,
  alreadyDeleted: (id: string) => `Evidence ${id} was already deleted.`,
  maybeDeleted: (id: string) => `Evidence ${id} does not exist (it may have been deleted).`,
  deletedUnchangeable: (id: string) => `Evidence ${id} was deleted and cannot be changed.`,
  bytesMissing: (id: string, name: string) =>
    `Evidence ${id}: the bytes of ${name} are missing from the database.`,
};

/** Problems with what someone typed or dropped into an evidence form. */
export const evidenceProblemText = {
  effectiveDate: 'Choose the effective date: the day this evidence attests to (YYYY-MM-DD).',
  notesTooLong: (limit: string) => `Notes are limited to ${limit} characters; shorten them.`,
  controlTwice: 'A control is listed twice.',
  unknownControls: (ids: readonly string[]) => `Unknown control(s): ${ids.join(', ')}.`,
  documentVersion: 'Give the document version (e.g. 1.2).',
  documentApprover: 'Give the approver of the document.',
  documentApprovalDate: 'Give the approval date of the document (YYYY-MM-DD).',
  deletionReason: 'Give a reason for the deletion: it stays in the custody log for the auditor.',
  emptyFile: (name: string) => `“${name}” is empty: there is nothing to keep as evidence.`,
  fileTooLarge: (name: string, size: string, limit: string) =>
    `“${name}” (${size}) is over the ${limit} limit for evidence files. Split or compress it and try again.`,
};
