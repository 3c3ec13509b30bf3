import { useState } from 'preact/hooks';
import { errorText } from '@/utils/isms/labels';
import {
  MANAGEMENT_REVIEW_STATUSES,
  REVIEW_ACTION_STATUSES,
  REVIEW_INPUTS,
  type ManagementReview,
  type ManagementReviewInput,
  type ManagementReviewStatus,
  type ReviewAction,
  type ReviewActionStatus,
  type ReviewInput,
} from '@/utils/isms-records/types';
import { commonText, ismsRecordsText } from '@/utils/text';
import { ProblemList } from './ProblemList';

const text = ismsRecordsText.screen;
const emptyAction = (): ReviewAction => ({ description: '', owner: '', dueDate: '', status: 'open' });

export interface ManagementReviewFormProps {
  review: ManagementReview | null;
  newId: string;
  onSave: (review: ManagementReviewInput) => Promise<void>;
  onCancel: () => void;
}

/** One management review: who met, which clause 9.3.2 inputs they considered, what they decided and who acts. */
export function ManagementReviewForm({ review, newId, onSave, onCancel }: ManagementReviewFormProps) {
  const id = review?.id ?? newId;
  const [meetingDate, setMeetingDate] = useState(review?.meetingDate ?? '');
  const [status, setStatus] = useState<ManagementReviewStatus>(review?.status ?? 'planned');
  const [attendees, setAttendees] = useState((review?.attendees ?? []).join('\n'));
  const [topManagement, setTopManagement] = useState(review?.topManagementPresent ?? false);
  const [inputs, setInputs] = useState<ReviewInput[]>(review?.coveredInputs ?? []);
  const [decisions, setDecisions] = useState(review?.decisions ?? '');
  const [actions, setActions] = useState<ReviewAction[]>(review?.actions ?? []);
  const [minutes, setMinutes] = useState(review?.minutesEvidenceId ?? '');
  const [notes, setNotes] = useState(review?.notes ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const toggle = (input: ReviewInput, on: boolean) =>
    setInputs((current) => (on ? [...current, input] : current.filter((item) => item !== input)));
  const editAction = (index: number, change: Partial<ReviewAction>) =>
    setActions((current) => current.map((action, at) => (at === index ? { ...action, ...change } : action)));

  async function submit(event: Event) {
    event.preventDefault();
    setSaving(true);
    try {
      await onSave({
        id,
        meetingDate,
        status,
        attendees: attendees.split('\n'),
        topManagementPresent: topManagement,
        coveredInputs: inputs,
        decisions,
        actions,
        minutesEvidenceId: minutes.trim() === '' ? null : minutes.trim(),
        notes,
      });
      setProblems([]);
    } catch (failure) {
      setProblems([errorText(failure)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="finding-form" onSubmit={submit} noValidate aria-labelledby="review-form-heading">
      <h3 id="review-form-heading">{text.reviewForm(review !== null, id)}</h3>
      <div class="form-row">
        <label>
          {text.meetingDate}
          <input
            type="date"
            value={meetingDate}
            onInput={(event) => setMeetingDate(event.currentTarget.value)}
          />
        </label>
        <label>
          {text.status}
          <select
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as ManagementReviewStatus)}
          >
            {MANAGEMENT_REVIEW_STATUSES.map((value) => (
              <option key={value} value={value}>
                {ismsRecordsText.reviewStatuses[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {text.attendees}
        <textarea rows={3} value={attendees} onInput={(event) => setAttendees(event.currentTarget.value)} />
      </label>
      <label>
        <input
          type="checkbox"
          checked={topManagement}
          onChange={(event) => setTopManagement(event.currentTarget.checked)}
        />{' '}
        {text.topManagement}
      </label>
      <fieldset>
        <legend>{text.inputsLegend}</legend>
        {REVIEW_INPUTS.map((input) => (
          <label key={input} class="checkbox-row">
            <input
              type="checkbox"
              name="review-input"
              value={input}
              checked={inputs.includes(input)}
              onChange={(event) => toggle(input, event.currentTarget.checked)}
            />{' '}
            {ismsRecordsText.inputs[input]} ({ismsRecordsText.inputClauses[input]})
          </label>
        ))}
      </fieldset>
      <label>
        {text.decisions}
        <textarea rows={3} value={decisions} onInput={(event) => setDecisions(event.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{text.actionsLegend}</legend>
        {actions.map((action, index) => (
          <div class="form-row" key={index}>
            <label>
              {text.actionDescription(index + 1)}
              <input
                value={action.description}
                onInput={(event) => editAction(index, { description: event.currentTarget.value })}
              />
            </label>
            <label>
              {text.actionOwner(index + 1)}
              <input
                value={action.owner}
                onInput={(event) => editAction(index, { owner: event.currentTarget.value })}
              />
            </label>
            <label>
              {text.actionDue(index + 1)}
              <input
                type="date"
                value={action.dueDate}
                onInput={(event) => editAction(index, { dueDate: event.currentTarget.value })}
              />
            </label>
            <label>
              {text.actionStatus(index + 1)}
              <select
                value={action.status}
                onChange={(event) =>
                  editAction(index, { status: event.currentTarget.value as ReviewActionStatus })
                }
              >
                {REVIEW_ACTION_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {ismsRecordsText.actionStatuses[value]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              class="link"
              onClick={() => setActions((current) => current.filter((_, at) => at !== index))}
            >
              {text.removeAction(index + 1)}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setActions((current) => [...current, emptyAction()])}>
          {text.addAction}
        </button>
      </fieldset>
      <label>
        {text.minutesId}
        <input value={minutes} onInput={(event) => setMinutes(event.currentTarget.value)} />
      </label>
      <label>
        {text.notes}
        <textarea rows={2} value={notes} onInput={(event) => setNotes(event.currentTarget.value)} />
      </label>
      <ProblemList problems={problems} testId="review-problems" />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? commonText.saving : text.saveReview(id)}
        </button>
        <button type="button" onClick={onCancel}>
          {commonText.cancel}
        </button>
      </div>
    </form>
  );
}
