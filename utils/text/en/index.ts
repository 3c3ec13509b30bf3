/** English, the source language. Each feature is its own object, so a page bundles only what it shows. */
export { dashboardText } from './dashboard';
export { overviewText, periodText, readinessText } from './overview';
export { commonText, pickerText } from './common';
export { soaText } from './soa';
export { findingsText } from './findings';
export { planText } from './plan';
export { evidenceText } from './evidence';
export { libraryText } from './library';
export { exportText, importText } from './bundle-screens';
export { captureErrorText, evidenceProblemText, storageErrorText } from './errors';
export { popupText } from './popup';
export { reportText } from './bundle-report';
export { importProblemText, integrityProblemText } from './bundle-problems';
