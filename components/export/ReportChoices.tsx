import { exportText } from '@/utils/text';

export interface ReportChoicesValue {
  /** The name the bundle and its report carry; typed here only when none is set. */
  organisation: string;
  includeReadiness: boolean;
}

export interface ReportChoicesProps {
  /** True when no organisation name is set anywhere, so the export has to ask for one. */
  askOrganisation: boolean;
  value: ReportChoicesValue;
  disabled: boolean;
  onChange: (value: ReportChoicesValue) => void;
}

/** The name on the bundle (asked for when none is set) and whether the report shows the self-assessment. */
export function ReportChoices({ askOrganisation, value, disabled, onChange }: ReportChoicesProps) {
  return (
    <div class="report-choices">
      {askOrganisation && (
        <p>
          <label>
            {exportText.organisationName}{' '}
            <input
              type="text"
              required
              data-testid="export-organisation"
              value={value.organisation}
              disabled={disabled}
              aria-describedby="export-organisation-hint"
              onInput={(event) => onChange({ ...value, organisation: event.currentTarget.value })}
            />
          </label>
          <span id="export-organisation-hint" class="hint">
            {' '}
            {exportText.organisationNeeded}
          </span>
        </p>
      )}
      <label class="control-choice">
        <input
          type="checkbox"
          data-testid="include-readiness"
          checked={value.includeReadiness}
          disabled={disabled}
          onChange={(event) => onChange({ ...value, includeReadiness: event.currentTarget.checked })}
        />
        {exportText.includeReadiness}
      </label>
    </div>
  );
}
