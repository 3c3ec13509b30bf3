/** Blacking out areas of a capture's screenshot: the editor, its refusals and what the record says. */
export const blackoutText = {
  heading: 'Black out areas',
  intro:
    'Drag over the picture, or type an area below. Black-out changes the pixels only: the page’s text, tables and DOM snapshot stay as captured (masking, switched on before capturing, removes text).',
  areasLabel: 'Areas to black out',
  area: (number: number, where: string) => `Area ${number}: ${where}`,
  areaAdded: (number: number, where: string) => `Area ${number} added: ${where}.`,
  removeArea: (number: number) => `Remove area ${number}`,
  keysHint: 'On an area: arrow keys move it, Shift + arrow keys resize it.',
  byNumbers: 'Add an area by numbers',
  fromLeft: 'From left (%)',
  fromTop: 'From top (%)',
  width: 'Width (%)',
  height: 'Height (%)',
  addArea: 'Add area',
  fieldsInvalid:
    'Enter the area in percent of the image: from the left, from the top, a width and a height above 0.',
  blackOut: (count: number) => `Black out ${count} area(s)…`,
  blackedOut: (count: number) => `${count} area(s) blacked out in the stored images.`,
  confirmWarning:
    'The stored original, stamped image and thumbnail will be replaced: the covered pixels cannot be recovered. The custody log records the areas and both hashes.',
  blackingOut: 'Blacking out…',
  confirm: 'Confirm black-out',
  /** Where an area lies, in percent of the image. */
  describe: (left: number, right: number, top: number, bottom: number) =>
    `from ${left} % to ${right} % across, ${top} % to ${bottom} % down`,
};

/** Why a black-out was refused, and what metadata.json says it changed. */
export const blackoutProblemText = {
  noArea: 'Draw at least one area to black out.',
  tooMany: (max: number) => `At most ${max} areas can be blacked out at once; apply these in steps.`,
  notRectangle: 'An area is not a rectangle (x, y, width and height as numbers).',
  outside: 'An area lies outside the image: draw it again on the preview.',
  noEvidence: (id: string) => `Evidence ${id} does not exist or was deleted.`,
  noScreenshot: (id: string) => `${id} has no screenshot to black out (files are stored as they were added).`,
  bytesMissing: (id: string) => `The bytes of ${id} are missing: run the integrity check.`,
  /** Recorded in metadata.json and the custody log for the auditor. */
  manualScope:
    'pixels only: the original, stamped and thumbnail images were re-rendered (re-encoded as PNG by the extension) with solid black areas; the text, tables and DOM snapshot are unchanged',
};
