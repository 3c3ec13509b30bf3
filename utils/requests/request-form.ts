import type { Catalogue } from '../catalogue/types';
import { normaliseControlId } from '../catalogue/catalogue';
import { requestText } from '../text';
import { isIsoDate } from './row-reader';
import type { AuditRequest } from './types';

/** What the hand-made request form holds, as typed. */
export interface RequestFormFields {
  reference: string;
  text: string;
  controls: string;
  audit: string;
  dueDate: string;
  owner: string;
  population: string;
  /** One sample item a line. */
  items: string;
}

export function formFields(request: AuditRequest | null, audit: string): RequestFormFields {
  return {
    reference: request?.reference ?? '',
    text: request?.text ?? '',
    controls: request?.controls.join(', ') ?? '',
    audit: request?.audit ?? audit,
    dueDate: request?.dueDate ?? '',
    owner: request?.owner ?? '',
    population: request?.population ?? '',
    items: request?.items.map((item) => item.label).join('\n') ?? '',
  };
}

/**
 * The request the form describes, or the sentences saying what to fix. Editing keeps the statuses, comments
 * and filed evidence; an item whose label stays keeps its own.
 */
export function requestFromForm(
  fields: RequestFormFields,
  before: AuditRequest | null,
  catalogue: Catalogue,
): { request: AuditRequest } | { problems: string[] } {
  const problems: string[] = [];
  const reference = fields.reference.trim();
  const text = fields.text.trim();
  const audit = fields.audit.trim();
  if (reference === '') problems.push(requestText.import.missingValue('Reference'));
  if (text === '') problems.push(requestText.import.missingValue('Request'));
  if (audit === '') problems.push(requestText.import.missingValue('Audit'));
  const known = new Set(catalogue.items.map((item) => item.id));
  const controls = [
    ...new Set(
      fields.controls
        .split(/[;,\s]+/)
        .filter((part) => part !== '')
        .map(normaliseControlId),
    ),
  ];
  for (const id of controls) if (!known.has(id)) problems.push(requestText.import.unknownControl(id));
  const dueDate = fields.dueDate.trim();
  if (dueDate !== '' && !isIsoDate(dueDate)) problems.push(requestText.import.badDate('Due date', dueDate));
  if (problems.length > 0) return { problems };
  const labels = [
    ...new Set(
      fields.items
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
  const items = labels.map(
    (label) =>
      before?.items.find((item) => item.label === label) ?? {
        label,
        status: 'open' as const,
        comment: '',
        evidenceIds: [],
      },
  );
  return {
    request: {
      reference,
      text,
      controls,
      audit,
      dueDate: dueDate === '' ? null : dueDate,
      owner: fields.owner.trim(),
      population: fields.population.trim(),
      items,
      status: before?.status ?? 'open',
      comment: before?.comment ?? '',
      evidenceIds: before?.evidenceIds ?? [],
    },
  };
}
