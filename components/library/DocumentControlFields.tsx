import type { DocumentControl } from '@/utils/evidence/types';

export interface DocumentControlDraft extends DocumentControl {
  enabled: boolean;
}

export interface DocumentControlFieldsProps {
  value: DocumentControlDraft;
  onChange: (value: DocumentControlDraft) => void;
}

/** Version, approver and approval date of a Stage 1 document (scope, policy, risk methodology, SoA, objectives). */
export function DocumentControlFields({ value, onChange }: DocumentControlFieldsProps) {
  const set = (patch: Partial<DocumentControlDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset class="document-control">
      <legend>Document control</legend>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="document-enabled"
          checked={value.enabled}
          onChange={(event) => set({ enabled: event.currentTarget.checked })}
        />
        This is a controlled ISMS document (Stage 1: scope, policy, risk methodology, SoA, objectives)
      </label>
      {value.enabled && (
        <div class="document-fields">
          <label>
            Version
            <input
              data-testid="document-version"
              value={value.version}
              onInput={(event) => set({ version: event.currentTarget.value })}
            />
          </label>
          <label>
            Approved by
            <input
              data-testid="document-approver"
              value={value.approver}
              onInput={(event) => set({ approver: event.currentTarget.value })}
            />
          </label>
          <label>
            Approval date
            <input
              type="date"
              data-testid="document-approval-date"
              value={value.approvalDate}
              onInput={(event) => set({ approvalDate: event.currentTarget.value })}
            />
          </label>
        </div>
      )}
    </fieldset>
  );
}
