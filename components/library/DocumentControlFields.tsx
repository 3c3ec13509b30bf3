import type { DocumentControl } from '@/utils/evidence/types';
import { evidenceText } from '@/utils/text';

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
      <legend>{evidenceText.documentControl}</legend>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="document-enabled"
          checked={value.enabled}
          onChange={(event) => set({ enabled: event.currentTarget.checked })}
        />
        {evidenceText.isControlledDocument}
      </label>
      {value.enabled && (
        <div class="document-fields">
          <label>
            {evidenceText.version}
            <input
              data-testid="document-version"
              value={value.version}
              onInput={(event) => set({ version: event.currentTarget.value })}
            />
          </label>
          <label>
            {evidenceText.approvedBy}
            <input
              data-testid="document-approver"
              value={value.approver}
              onInput={(event) => set({ approver: event.currentTarget.value })}
            />
          </label>
          <label>
            {evidenceText.approvalDate}
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
