import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TeamSection, type TeamPullState } from '@/components/team/TeamSection';
import type { TeamLibraryRow } from '@/components/team/TeamLibrary';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { localDate } from '@/utils/coverage/dates';
import { teamView, type TeamView } from '@/utils/team-store/team-view';
import { dashboardText, teamViewText } from '@/utils/text';
import type { AuditPlan } from '@/utils/isms/types';
import { getDatabase } from '@/storage/db';
import { readCoverageSnapshot } from '@/storage/coverage-snapshot';
import { listTeamRecords, readTeamSnapshot, type TeamSnapshot } from '@/storage/team-cache';
import { writeTeamBundle } from '@/storage/team-bundle';
import { sendMessage } from '@/platform/messaging';
import { readTeamStoreView } from '@/platform/team-store-settings';

const db = getDatabase();
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Loaded {
  snapshot: TeamSnapshot;
  view: TeamView | null;
  plan: AuditPlan | null;
  today: string;
  library: { rows: TeamLibraryRow[]; total: number };
  configured: boolean;
}

/** The team view reads the team cache and the lead's own SoA and plan; nothing is computed in the background. */
async function load(): Promise<Loaded> {
  const today = localDate(new Date(), timeZone());
  const [snapshot, lead, page, configured] = await Promise.all([
    readTeamSnapshot(db),
    readCoverageSnapshot(db),
    listTeamRecords(db, { limit: 100 }),
    readTeamStoreView().then((view) => view.complete),
  ]);
  const view =
    snapshot.installations.length === 0
      ? null
      : teamView(DEFAULT_CATALOGUE, snapshot.installations, lead, today);
  const rows = page.records.map((record) => ({
    id: record.id,
    evidenceId: record.evidenceId,
    title: record.evidence.title,
    capturer: record.evidence.capturer,
    effectiveDate: record.evidence.effectiveDate,
    controls: record.evidence.controls,
    status: record.evidence.status,
  }));
  return { snapshot, view, plan: lead.plan, today, library: { rows, total: page.total }, configured };
}

/** Collects the zip and hands it over as a download (the team bundle is built in this page). */
function downloadTarget(fileName: () => string) {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  return {
    stream: new WritableStream<Uint8Array>({
      write: (chunk) => void parts.push(chunk as Uint8Array<ArrayBuffer>),
    }),
    finish() {
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/zip' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName();
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

function TeamPanel({ openControl }: { openControl: (controlId: string) => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [pull, setPull] = useState<TeamPullState>({ running: false });
  const [exporting, setExporting] = useState(false);
  const [exportMessage, setExportMessage] = useState<string | undefined>();
  const reload = useCallback(() => load().then(setLoaded), []);
  useEffect(() => void reload(), [reload]);

  const onPull = async () => {
    setPull({ running: true });
    // The pull writes its progress to the team cache; follow it while the background works.
    const timer = setInterval(() => {
      void readTeamSnapshot(db).then((snapshot) =>
        setPull((state) => (state.running ? { ...state, progress: snapshot.progress } : state)),
      );
    }, 400);
    try {
      const summary = await sendMessage('pullTeamStore', {});
      setPull({ running: false, message: teamViewText.pulled(summary.fetched, summary.verified) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setPull({ running: false, failed: true, message: teamViewText.pullFailed(reason) });
    } finally {
      clearInterval(timer);
      await reload();
    }
  };

  const onExport = async () => {
    setExporting(true);
    setExportMessage(undefined);
    let name = 'team-bundle';
    const target = downloadTarget(() => `${name}.zip`);
    try {
      const manifest = browser.runtime.getManifest();
      const result = await writeTeamBundle(db, target.stream, {
        catalogue: DEFAULT_CATALOGUE,
        generator: { name: manifest.name, version: manifest.version },
        now: new Date(),
        timeZone: timeZone(),
      });
      name = `${result.name}-team`;
      target.finish();
      setExportMessage(teamViewText.exported(`${name}.zip`, result.evidenceCount));
    } catch (error) {
      setExportMessage(teamViewText.exportFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setExporting(false);
    }
  };

  if (!loaded) return <p>{dashboardText.loading}</p>;
  return (
    <TeamSection
      catalogue={DEFAULT_CATALOGUE}
      configured={loaded.configured}
      view={loaded.view}
      installations={loaded.snapshot.installations.length}
      lastPullAt={loaded.snapshot.lastPullAt}
      resumable={loaded.snapshot.resumable}
      plan={loaded.plan}
      today={loaded.today}
      pull={pull}
      onPull={() => void onPull()}
      library={loaded.library}
      exporting={exporting}
      exportMessage={exportMessage}
      onExport={() => void onExport()}
      onOpenControl={openControl}
    />
  );
}

/** Mounts the team view in its own render root while the Team section shows; returns the unmount. */
export function mountTeamSection(slot: HTMLElement, openControl: (controlId: string) => void): () => void {
  render(<TeamPanel openControl={openControl} />, slot);
  return () => render(null, slot);
}
