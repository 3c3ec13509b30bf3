import { describe, expect, it } from 'vitest';
import { captureContext, type CaptureContextFields } from './context';

const fields: CaptureContextFields = {
  evidenceId: 'EV-20261128-ABC123',
  capturedAt: new Date('2026-06-30T22:30:00Z'),
  timeZone: 'Europe/Berlin',
  url: 'https://console.example/access-review',
  title: 'Access review',
  capturer: 'Alice Admin',
  organisation: 'Northwind Finance Ltd',
  browser: { name: 'Chrome', version: '156' },
  extensionVersion: '0.1.0',
  viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
  method: 'element-crop',
  trigger: 'popup',
  pageChanges: [],
  notes: ['Element: table#summary'],
};

describe('captureContext', () => {
  it('records the time in UTC with the local offset, and who took it for whom', () => {
    expect(captureContext(fields)).toMatchObject({
      capturedAt: '2026-06-30T22:30:00.000Z',
      utcOffsetMinutes: 120,
      capturer: 'Alice Admin',
      organisation: 'Northwind Finance Ltd',
      method: 'element-crop',
      notes: ['Element: table#summary'],
    });
  });

  it('names no organisation when none is set', () => {
    expect(captureContext({ ...fields, organisation: '' })).not.toHaveProperty('organisation');
  });
});
