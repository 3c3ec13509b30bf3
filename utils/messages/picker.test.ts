import { describe, expect, it } from 'vitest';
import { asPickerMessage } from './picker';

describe('asPickerMessage', () => {
  it('keeps exactly the fields of each choice', () => {
    expect(
      asPickerMessage({
        type: 'pickerResult',
        token: 't',
        choice: { kind: 'region', rect: { x: 1, y: 2, width: 3, height: 4, extra: 5 } },
        payload: { tabId: 99 },
      }),
    ).toEqual({
      type: 'pickerResult',
      token: 't',
      choice: { kind: 'region', rect: { x: 1, y: 2, width: 3, height: 4 } },
    });
    expect(
      asPickerMessage({
        type: 'pickerResult',
        token: 't',
        choice: { kind: 'element', description: 'x'.repeat(500) },
      })?.choice,
    ).toEqual({ kind: 'element', description: 'x'.repeat(200) });
    expect(
      asPickerMessage({ type: 'pickerResult', token: 't', choice: { kind: 'cancelled', reason: 'escape' } })
        ?.choice,
    ).toEqual({ kind: 'cancelled', reason: 'escape' });
  });

  it.each([
    null,
    'pickerResult',
    { type: 'captureTab', token: 't', choice: { kind: 'cancelled', reason: 'escape' } },
    { type: 'pickerResult', choice: { kind: 'cancelled', reason: 'escape' } },
    { type: 'pickerResult', token: 't' },
    {
      type: 'pickerResult',
      token: 't',
      choice: { kind: 'region', rect: { x: 1, y: 2, width: NaN, height: 4 } },
    },
    { type: 'pickerResult', token: 't', choice: { kind: 'cancelled', reason: 'because' } },
    { type: 'pickerResult', token: 't', choice: { kind: 'captureFullPage' } },
  ])('refuses anything else: %j', (message) => {
    expect(asPickerMessage(message)).toBeNull();
  });
});
