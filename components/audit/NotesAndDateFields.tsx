import { commonText } from '@/utils/text';

export interface NotesAndDateFieldsProps {
  notes: string;
  onNotes: (notes: string) => void;
  effectiveDate: string;
  onEffectiveDate: (date: string) => void;
  /** `data-testid`s of the two fields, so each form keeps its own. */
  testIds: { notes: string; effectiveDate: string };
  rows: number;
  /** What the date means, e.g. "the day this evidence attests to". */
  dateHint: string;
}

/** The notes and effective-date fields every evidence form asks for (tagging, library edit, file upload). */
export function NotesAndDateFields(props: NotesAndDateFieldsProps) {
  return (
    <>
      <label>
        {commonText.notes}
        <textarea
          data-testid={props.testIds.notes}
          rows={props.rows}
          value={props.notes}
          onInput={(event) => props.onNotes(event.currentTarget.value)}
        />
      </label>
      <label>
        {commonText.effectiveDate} <span class="hint">{commonText.hint(props.dateHint)}</span>
        <input
          type="date"
          data-testid={props.testIds.effectiveDate}
          required
          value={props.effectiveDate}
          onInput={(event) => props.onEffectiveDate(event.currentTarget.value)}
        />
      </label>
    </>
  );
}
