import { readFrameworkScope } from '@/platform/framework-settings';
import { isMappedFrameworkId } from '@/utils/crosswalk/framework-catalogue';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ExportPanel } from '@/components/export/ExportPanel';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { bundleName, localDay } from '@/utils/bundle/naming';
import { estimateExport, exportBundle } from '@/storage/bundle-source';
import { getDatabase } from '@/storage/db';
import { readAuditPlan } from '@/storage/isms-repository';
import { listRequestAudits } from '@/storage/request-repository';
import { readEffectiveSettings, saveOwnSettings } from '@/platform/effective-settings';
import { canStreamToFile, openSaveTarget } from './save-target';
import { exportTimestamping } from '@/platform/timestamp-settings';

// The export runs here, in an extension tab: a service worker may be stopped mid-export.
async function main() {
  const db = getDatabase();
  const [{ settings }, plan, requestLists] = await Promise.all([
    readEffectiveSettings(db),
    readAuditPlan(db),
    listRequestAudits(db),
  ]);
  // Empty when no name is set anywhere: the page then asks for one rather than naming the bundle `organisation`.
  const organisation = settings.organisation.trim() || plan?.organisation.trim() || '';
  const manifest = browser.runtime.getManifest();
  render(
    <ExportPanel
      catalogue={DEFAULT_CATALOGUE}
      organisation={organisation}
      defaultWindow={{ start: plan?.windowStart ?? null, end: plan?.windowEnd ?? null }}
      saveTarget={canStreamToFile() ? 'file-picker' : 'download'}
      estimate={(filter) => estimateExport(db, filter)}
      requestLists={requestLists}
      onExport={async (filter, password, { signal, onProgress }, choices) => {
        const now = new Date();
        const target = await openSaveTarget(`${bundleName(choices.organisation, localDay(now))}.zip`, signal);
        if (!target) return null;
        try {
          const result = await exportBundle(db, target.stream, {
            filter,
            catalogue: DEFAULT_CATALOGUE,
            generator: { name: manifest.name, version: manifest.version },
            now,
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            organisation: choices.organisation,
            includeReadiness: choices.includeReadiness,
            frameworks: (await readFrameworkScope(db)).inScope.filter(isMappedFrameworkId),
            password: password ?? undefined,
            signal,
            onProgress,
            timestamps: await exportTimestamping(db),
          });
          target.finish();
          // Remember the typed name once the export succeeded (a cancelled one changes nothing); a refusal (policy) does not undo the bundle.
          if (!organisation)
            await saveOwnSettings(db, {
              capturer: settings.capturer,
              organisation: choices.organisation,
            }).catch(() => undefined);
          return result;
        } catch (error) {
          await target.discard();
          throw error;
        }
      }}
    />,
    document.getElementById('app')!,
  );
}

void main();
