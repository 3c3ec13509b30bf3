import type { SavedProbe } from '@/utils/team-store/settings-check';
import { teamStoreSettingsText as t } from '@/utils/text';

interface Props {
  probe: Omit<SavedProbe, 'target'>;
  accepted: boolean;
  busy: boolean;
  onAccept: () => void;
}

/** What the write-once check found, in words; for a store that is not tamper-proof, the explicit choice. */
export function ProbeReport({ probe, accepted, busy, onAccept }: Props) {
  return (
    <div
      class={probe.tamperProof ? 'probe-report' : 'probe-report warning'}
      data-testid="team-store-probe"
      data-tamper-proof={String(probe.tamperProof)}
      data-checked-at={probe.at}
    >
      <h3>{t.probeHeading}</h3>
      <p role="status" data-testid="team-store-probe-summary">
        <strong>{probe.summary}</strong>
      </p>
      <ul>
        <li>{probe.lockEnabled ? t.lockOn : t.lockOff}</li>
        <li>{probe.mode && probe.days ? t.retention(probe.mode, probe.days) : t.noRetention}</li>
        <li>{probe.deleteStatus === 403 ? t.deleteRefused : t.deleteAllowed}</li>
      </ul>
      {probe.reasons.length > 0 && (
        <ul data-testid="team-store-probe-reasons">
          {probe.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <p class="hint">{t.checkedAt(probe.at)}</p>
      {!probe.tamperProof &&
        (accepted ? (
          <p data-testid="team-store-accepted">{t.accepted}</p>
        ) : (
          <>
            <p>{t.notTamperProofWarning}</p>
            <p>{t.syncOff}</p>
            <button type="button" disabled={busy} data-testid="team-store-accept" onClick={onAccept}>
              {t.accept}
            </button>
          </>
        ))}
    </div>
  );
}
