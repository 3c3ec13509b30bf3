import { describe, expect, it } from 'vitest';
import {
  controlsProblems,
  deletionReasonProblem,
  documentControlProblems,
  fileSizeProblem,
  formatBytes,
  isIsoDate,
  mimeTypeOf,
  safeFileName,
} from './checks';

describe('evidence checks', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('names duplicate and unknown controls', () => {
    expect(controlsProblems(['A.5.1', 'A.5.1'])).toEqual(['A control is listed twice.']);
    expect(controlsProblems(['A.5.1', 'B.1'], new Set(['A.5.1']))).toEqual(['Unknown control(s): B.1.']);
  });

  it('asks for version, approver and approval date of a document', () => {
    expect(documentControlProblems({ version: ' ', approver: '', approvalDate: '' })).toHaveLength(3);
    expect(documentControlProblems({ version: '1.0', approver: 'CISO', approvalDate: '2026-01-31' })).toEqual(
      [],
    );
  });

  it('requires a real reason to delete', () => {
    expect(deletionReasonProblem(' x ')).toMatch(/reason/);
    expect(deletionReasonProblem('Contains a secret')).toBeNull();
  });

  it('explains the size limit in words', () => {
    expect(fileSizeProblem('big.zip', 300 * 1024 * 1024)).toBe(
      '“big.zip” (300 MB) is over the 200 MB limit for evidence files. Split or compress it and try again.',
    );
    expect(fileSizeProblem('ok.pdf', 1024)).toBeNull();
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(512)).toBe('512 B');
  });

  it('makes file names safe inside a bundle folder', () => {
    expect(safeFileName('C:\\Users\\me\\Policy v2.pdf')).toBe('Policy v2.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..')).toBe('file.bin');
    expect(safeFileName('a<b>:c?.txt')).toBe('a_b__c_.txt');
    expect(safeFileName('metadata.json')).toBe('file-metadata.json');
    expect(safeFileName('CON.txt')).toBe('file-CON.txt');
    const long = safeFileName(`${'x'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(100);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('guesses a type from the extension when the browser gives none', () => {
    expect(mimeTypeOf('report.PDF', '')).toBe('application/pdf');
    expect(mimeTypeOf('x.unknown', '')).toBe('application/octet-stream');
    expect(mimeTypeOf('x.pdf', 'application/x-custom')).toBe('application/x-custom');
  });
});
