import type { CaptureContext } from '../evidence/types';
import { utcOffsetMinutes } from './time';

export type CaptureContextFields = Omit<
  CaptureContext,
  'capturedAt' | 'utcOffsetMinutes' | 'organisation'
> & {
  capturedAt: Date;
  /** Empty when none is set: then the metadata names none. */
  organisation: string;
};

/** The metadata every capture records, whatever made its pixels: one place, so no kind of capture lacks a field. */
export function captureContext(fields: CaptureContextFields): CaptureContext {
  const { capturedAt, timeZone, organisation } = fields;
  return {
    evidenceId: fields.evidenceId,
    capturedAt: capturedAt.toISOString(),
    timeZone,
    utcOffsetMinutes: utcOffsetMinutes(capturedAt, timeZone),
    url: fields.url,
    title: fields.title,
    capturer: fields.capturer,
    ...(organisation ? { organisation } : {}),
    browser: fields.browser,
    extensionVersion: fields.extensionVersion,
    viewport: fields.viewport,
    method: fields.method,
    trigger: fields.trigger,
    pageChanges: fields.pageChanges,
    notes: fields.notes,
  };
}
