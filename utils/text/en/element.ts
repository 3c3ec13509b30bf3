import { counted } from '../plural';

/** Element and region capture: its failures, and the notes its metadata keeps for the auditor. */
export const elementCaptureText = {
  collectorFailed: (reason: string) => `Capture failed: ${reason}. Nothing was stored.`,
  renderFailed: (reason: string) =>
    `Capture failed: the element could not be re-rendered (${reason}). Nothing was stored.`,
  pickerNotLoaded: 'The element picker did not load.',
  notOnScreen: 'the selection is not on screen',
  domRendering:
    'This image is a DOM re-rendering made by html2canvas-pro from the page’s elements and styles, not the browser’s own pixels: the element is larger than the visible area, so no screenshot could hold it. Fonts, effects and embedded content may differ from what the browser showed.',
  cut: (cssPx: number) =>
    `The element is taller than a canvas can hold; the image shows its first ${cssPx} CSS px.`,
  crossOriginImages: (count: number) =>
    `${count} image${count === 1 ? '' : 's'} from other sites are left out of the re-rendering: the browser forbids reading their pixels.`,
  croppedMasked:
    'Cropped from the browser’s own screenshot of the visible area (tabs.captureVisibleTab) after masking, and re-encoded as PNG; viewport.png is the whole masked screenshot.',
  cropped:
    'Cropped from the browser’s own screenshot of the visible area (tabs.captureVisibleTab) and re-encoded as PNG, pixel for pixel; viewport.png is that screenshot, byte for byte.',
  elementScope: (description: string) =>
    `Text, tables and the DOM snapshot hold the selected element (${description}) only.`,
  regionScope: (description: string) =>
    `Text and the DOM snapshot hold the element that contains the region (${description}); tables are those the region touches.`,
  maskedPixels:
    'Masked areas are filled solid black before the image is stored; no unmasked copy of the pixels is kept.',
  /** Masking could not look inside a frame of another origin: what it shows is in the image as it was. */
  frameNotMasked: (origin: string, frames: number) =>
    `Not masked: ${counted(frames, 'frame', 'frames')} from ${origin} could not be scanned (the extension has no permission for that origin), so what ${frames === 1 ? 'it shows' : 'they show'} is in the image unmasked. Black it out before saving if it holds a secret.`,
};

/** What the element agent in the page records: its failures, and the notes and page changes it keeps. */
export const elementAgentText = {
  nothingSelected: 'nothing was selected',
  elementLeft: 'the selected element left the page before it could be captured',
  notPrepared: 'The element capture was not prepared.',
  /** An element picked inside a same-origin frame, as the metadata names it. */
  inFrame: (element: string, url: string) => `${element} in the frame ${url}`,
  marked: (element: string) => `Marked ${element} for the DOM re-rendering (attribute removed afterwards).`,
  scrolled: (element: string) =>
    `Scrolled ${element} into view to take its pixels; scroll positions restored afterwards.`,
  partFailed: (part: string, reason: string) =>
    `${part} could not be read (${reason}); the rest of the capture is complete`,
  text: 'Text',
  tables: 'Tables',
  domSnapshot: 'DOM snapshot',
  textTruncated: (limit: string) => `Text truncated at ${limit} characters`,
  frames: (count: number) =>
    `${count} embedded frame${count === 1 ? '' : 's'} not included in text, tables or DOM snapshot`,
};

/** Why a message from the in-page picker was refused. */
export const pickerRefusalText = {
  notThisExtension: 'Refused: the picker message did not come from this extension.',
  notTopFrame: 'Refused: the picker message did not come from the top frame of a tab.',
  noPicker: 'Refused: no element picker is open in this tab.',
  wrongToken: 'Refused: the picker message does not carry this tab’s picker token.',
  timedOut: 'Refused: the element picker timed out. Start it again.',
  pageChanged: 'Refused: the page changed since the element picker was opened.',
};

/** The banner and label of the picker in the page (an injected script: keep this object small). */
export const elementPickerText = {
  productName: 'ISMS Evidence Collector',
  instructions: ' · click an element or drag a rectangle to capture it as evidence · ',
  parent: ' parent · ',
  child: ' child · ',
  enterKey: 'Enter',
  capture: ' capture · ',
  escKey: 'Esc',
  cancel: ' cancel',
  region: (width: number, height: number) => `Region · ${width} × ${height}`,
};
