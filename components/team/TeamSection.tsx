import type { Catalogue } from '@/utils/catalogue/types';
import type { AuditPlan } from '@/utils/isms/types';
import type { TeamPullProgress } from '@/utils/team-store/pull';
import type { TeamView } from '@/utils/team-store/team-view';
import { teamViewText as t } from '@/utils/text';
import { ControlGrid } from '../coverage/ControlGrid';
import { ReadinessPanel } from '../coverage/ReadinessPanel';
import { ThemeBars } from '../coverage/ThemeBars';
import { TeamFindings } from './TeamFindings';
import { TeamLibrary, type TeamLibraryRow } from './TeamLibrary';

export interface TeamPullState {
  running: boolean;
  progress?: TeamPullProgress | undefined;
  /** The last pull's outcome in a sentence. */
  message?: string | undefined;
  failed?: boolean | undefined;
}

export interface TeamSectionProps {
  catalogue: Catalogue;
  configured: boolean;
  view: TeamView | null;
  installations: number;
  lastPullAt: string | null;
  resumable: boolean;
  plan: AuditPlan | null;
  today: string;
  pull: TeamPullState;
  onPull: () => void;
  library: { rows: TeamLibraryRow[]; total: number };
  exporting: boolean;
  exportMessage?: string | undefined;
  onExport: () => void;
  onOpenControl: (controlId: string) => void;
}

function progressText(progress: TeamPullProgress): string {
  return progress.phase === 'listing'
    ? t.listing(progress.listed, progress.fetched)
    : t.verifying(progress.installationsChecked, progress.installationsToCheck);
}

/** The compliance lead's view of the whole team: pull, coverage and readiness, per capturer, findings, library. */
export function TeamSection(props: TeamSectionProps) {
  const { view, pull } = props;
  return (
    <div class="team-view" data-testid="team-view">
      <h2>{t.heading}</h2>
      <p class="hint">{t.intro}</p>
      {!props.configured && <p data-testid="team-not-configured">{t.notConfigured}</p>}
      <p>
        <button
          type="button"
          data-testid="team-pull"
          disabled={!props.configured || pull.running}
          onClick={props.onPull}
        >
          {pull.running ? t.pulling : t.pull}
        </button>{' '}
        <span>{props.lastPullAt ? t.lastPull(props.lastPullAt) : t.neverPulled}</span>
      </p>
      {pull.running && pull.progress && (
        <p role="status" data-testid="team-pull-progress">
          <progress
            max={Math.max(1, pull.progress.installationsToCheck)}
            value={pull.progress.phase === 'verifying' ? pull.progress.installationsChecked : undefined}
          />{' '}
          {progressText(pull.progress)}
        </p>
      )}
      {pull.message && (
        <p role={pull.failed ? 'alert' : 'status'} data-testid="team-pull-message">
          {pull.message}
        </p>
      )}
      {!pull.running && props.resumable && <p class="hint">{t.resumable}</p>}
      {view && (
        <>
          <p data-testid="team-summary">
            {t.summary(view.records, props.installations)} {view.withheld > 0 && t.withheld(view.withheld)}
          </p>
          <section aria-labelledby="team-readiness-heading">
            <h3 id="team-readiness-heading">{t.readinessHeading}</h3>
            <ReadinessPanel
              plan={props.plan}
              today={props.today}
              stage1={view.team.stage1}
              stage2={view.team.stage2}
            />
          </section>
          <section aria-labelledby="team-coverage-heading">
            <h3 id="team-coverage-heading">{t.coverageHeading}</h3>
            <ThemeBars themes={view.team.coverage.themes} overall={view.team.coverage.overall} />
            <ControlGrid
              catalogue={props.catalogue}
              controls={view.team.coverage.controls}
              onOpen={props.onOpenControl}
            />
          </section>
          <section aria-labelledby="team-capturers-heading">
            <h3 id="team-capturers-heading">{t.capturersHeading}</h3>
            <table data-testid="team-capturers">
              <thead>
                <tr>
                  {Object.values(t.capturerColumns).map((label) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.capturers.map((row) => (
                  <tr key={row.installationId} data-installation={row.installationId}>
                    <th scope="row">{row.label}</th>
                    <td>{row.installationId}</td>
                    <td>{row.records}</td>
                    <td>{t.percent(row.overall.percentCovered)}</td>
                    <td>{row.chainVerified ? t.chainVerified : t.chainBroken}</td>
                    <td>{row.findings}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <TeamFindings findings={view.findings} />
          <TeamLibrary rows={props.library.rows} total={props.library.total} />
          <section aria-labelledby="team-export-heading">
            <h3 id="team-export-heading">{t.exportHeading}</h3>
            <p class="hint">{t.exportIntro}</p>
            <button
              type="button"
              data-testid="team-export"
              disabled={props.exporting || view.records === 0}
              onClick={props.onExport}
            >
              {props.exporting ? t.exporting : t.export}
            </button>
            {props.exportMessage && (
              <p role="status" data-testid="team-export-message">
                {props.exportMessage}
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
