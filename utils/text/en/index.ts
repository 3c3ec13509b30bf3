/** English, the source language. Each feature is its own object, so a page bundles only what it shows. */
export { commonText, pickerText } from './common';
export { popupText, taggingText } from './popup';
export { dashboardText } from './dashboard';
export { overviewText, periodText, readinessText } from './overview';
export { soaText } from './soa';
export { planText } from './plan';
export { findingsText } from './findings';
export { evidenceText } from './evidence';
export { libraryText } from './library';
export { exportText, importText } from './bundle-screens';
export { settingsText } from './settings';
export { policyProblemText, policyText } from './policy';
export { maskingEditorText, maskingProblemText } from './masking';
export { blackoutProblemText, blackoutText } from './blackout';
export { elementAgentText, elementCaptureText, elementPickerText, pickerRefusalText } from './element';
export { fullPageNoteText } from './full-page-notes';
export { pageReadingText } from './page-reading';
export { captureErrorText, evidenceProblemText, storageErrorText } from './errors';
export { reportText, spreadsheetText } from './bundle-report';
export { importProblemText, integrityProblemText } from './bundle-problems';
export {
  teamStoreErrorText,
  teamStoreProbeText,
  teamStoreSettingsText,
  teamStoreTamperText,
  teamSyncText,
} from './team-store';
export { requestText } from './requests';
export { crosswalkText, frameworkBundleText, frameworkSettingsText, frameworkViewText } from './crosswalk';
export { riskText } from './risks';
export { ismsRecordsText } from './isms-records';
export { riskScreenText } from './risk-screens';
export { soaReasonText } from './soa-reasons';
export { bundleRiskText } from './bundle-risks';
export { signingText } from './signing';
export { timestampText } from './timestamps';
export { teamViewText } from './team-view';
export { verifyGuideText, type GuidePlatform } from './verify-guide';
