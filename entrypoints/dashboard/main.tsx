import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { localDate } from '@/utils/coverage/dates';
import { sendMessage } from '@/platform/messaging';
import { readCoverageSnapshot } from '@/storage/coverage-snapshot';
import { getDatabase } from '@/storage/db';
import { readControlledDocuments } from '@/storage/evidence-library';
import { readEffectiveCapturer, readEffectiveSettings } from '@/platform/effective-settings';
import { onManagedPolicyChange } from '@/platform/managed-policy';
import { readMaskingView } from '@/platform/masking-settings';
import { importVerifiedBundle } from '@/storage/bundle-import';
import { verifyBundle } from '@/utils/bundle/verify';
import { ImportPanel } from '@/components/export/ImportPanel';
import { mountEvidenceSection } from '@/entrypoints/dashboard/evidence-section-wiring';
import { DashboardApp, type DashboardServices } from './App';
import { downloadText } from './download';
import '@/components/styles/coverage.css';
import './dashboard.css';

const db = getDatabase();
const CLAUSE_IDS = DEFAULT_CATALOGUE.items.filter((item) => item.kind === 'clause').map((item) => item.id);

const services: DashboardServices = {
  load: async () => {
    const [coverage, view, masking, documents] = await Promise.all([
      readCoverageSnapshot(db),
      readEffectiveSettings(db),
      readMaskingView(db),
      readControlledDocuments(db, CLAUSE_IDS),
    ]);
    const policy = {
      organisation: view.organisation,
      capturer: view.capturer,
      notes: [...view.policyProblems, ...view.notes],
      mappingRules: view.mappingRules,
      mappingRulesManagement: view.mappingRulesManagement,
    };
    return { coverage, settings: view.settings, policy, masking, documents };
  },
  saveControlState: async (state) => {
    await sendMessage('saveControlState', state);
  },
  saveAuditPlan: async (plan) => (await sendMessage('saveAuditPlan', plan)).warnings,
  saveFinding: async (finding) => {
    await sendMessage('saveFinding', finding);
  },
  deleteFinding: async (id) => {
    await sendMessage('deleteFinding', { id });
  },
  saveSettings: async (settings) => {
    await sendMessage('saveSettings', settings);
  },
  saveMasking: async (change) => {
    await sendMessage('saveMaskingSettings', change);
  },
  // The page's own selector engine: the same parser the collector uses in the captured page.
  parseSelector: (selector) => {
    document.createDocumentFragment().querySelector(selector);
  },
  onPolicyChange: onManagedPolicyChange,
  download: (fileName, text) => downloadText(fileName, text, 'text/csv;charset=utf-8'),
  today: () => localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
  // A plain link within the extension's origin; the export page runs the streaming bundle writer.
  exportUrl: '/export.html',
};

// Import writes from this page: a bundle's bytes cannot travel through runtime messages to the background.
const importPanel = (
  <ImportPanel
    verify={(file, password, hooks) => verifyBundle(file, { ...(password ? { password } : {}), ...hooks })}
    importVerified={async (bundle) =>
      importVerifiedBundle(db, bundle, {
        actor: await readEffectiveCapturer(db),
        at: new Date().toISOString(),
      })
    }
  />
);

/** The evidence library keeps its own render root and services; it is mounted while its section shows. */
function EvidenceLibrary() {
  const slot = useRef<HTMLDivElement>(null);
  useEffect(() => (slot.current ? mountEvidenceSection(slot.current) : undefined), []);
  return <div ref={slot} />;
}

render(
  <DashboardApp
    catalogue={DEFAULT_CATALOGUE}
    services={services}
    importPanel={importPanel}
    evidencePanel={<EvidenceLibrary />}
  />,
  document.getElementById('app')!,
);
