import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { getDatabase } from '@/storage/db';
import { readEffectiveCapturer } from '@/platform/effective-settings';
import { readSignatureKeys } from '@/platform/signing-keys';
import { sendMessage } from '@/platform/messaging';
import { importVerifiedBundle } from '@/storage/bundle-import';
import { verifyBundle } from '@/utils/bundle/verify';
import { ImportPanel } from '@/components/export/ImportPanel';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { mountEvidenceSection } from '@/entrypoints/dashboard/evidence-section-wiring';
import { controlHash, parseRoute } from '@/utils/dashboard/routes';
import { mountTeamSection } from './team-wiring';
import { createDashboardServices } from './dashboard-services';
import '@/components/styles/coverage.css';
import './dashboard.css';

const db = getDatabase();

// Import writes from this page: a bundle's bytes cannot travel through runtime messages to the background.
const importPanel = (
  <ImportPanel
    verify={async (file, password, hooks) =>
      verifyBundle(file, {
        ...(password ? { password } : {}),
        ...hooks,
        keys: await readSignatureKeys(db),
      })
    }
    importVerified={async (bundle) => {
      const imported = await importVerifiedBundle(db, bundle, {
        actor: await readEffectiveCapturer(db),
        at: new Date().toISOString(),
      });
      // Written here, not in the background: ask it to queue and upload (nothing without a team store).
      void sendMessage('requestSync', {}).catch(() => undefined);
      return imported;
    }}
  />
);

/**
 * The evidence library keeps its own render root and services; it is mounted while its section shows,
 * with the record #evidence/ID names (from the traceability view, say) opened.
 */
function EvidenceLibrary() {
  const slot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!slot.current) return undefined;
    const { evidenceId } = parseRoute(location.hash);
    return mountEvidenceSection(slot.current, evidenceId ? { selectedId: evidenceId } : {});
  }, []);
  return <div ref={slot} />;
}

/** The team view keeps its own render root and reads the team cache; mounted while its section shows. */
function TeamView() {
  const slot = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      slot.current
        ? mountTeamSection(slot.current, (controlId) => (location.hash = controlHash(controlId)))
        : undefined,
    [],
  );
  return <div ref={slot} />;
}

render(
  <DashboardApp
    catalogue={DEFAULT_CATALOGUE}
    services={createDashboardServices(db)}
    importPanel={importPanel}
    evidencePanel={<EvidenceLibrary />}
    teamPanel={<TeamView />}
  />,
  document.getElementById('app')!,
);
