import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { BundleSummary, ImportOutcome } from '@/utils/bundle/types';
import type { VerifiedBundle, VerifyResult } from '@/utils/bundle/verify';
import { ImportPanel } from './ImportPanel';

const summary: BundleSummary = {
  name: 'isms-evidence_acme_2025-04-02',
  organisation: '<b>Acme</b>',
  baggingDate: '2025-04-02',
  externalDescription: '',
  evidenceCount: 5,
  artifactCount: 35,
  payloadFiles: 46,
  payloadBytes: 2048,
  custodyEntries: 5,
  lastCustodyHash: 'f'.repeat(64),
  custodyWithheld: 0,
  signature: { state: 'unsigned' },
  encrypted: true,
};
const bundle: VerifiedBundle = { summary, evidence: [], custody: [], readArtifact: async () => new Blob() };
const outcome: ImportOutcome = {
  bundle: summary.name,
  added: ['EV-1', 'EV-2'],
  skipped: ['EV-3'],
  conflicts: [
    {
      evidenceId: 'EV-4',
      reason: 'the evidence held here has other bytes for text.txt; it was not overwritten',
    },
  ],
};

function choose(file = new File(['zip'], 'bundle.zip')) {
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

describe('ImportPanel', () => {
  it.each([
    [
      { signer: 'This installation', pin: 'no-pins' as const },
      /signed by a known key: This installation, fingerprint ABAB ABAB/,
    ],
    [{ signer: null, pin: 'no-pins' as const }, /signed by an unknown key: compare its fingerprint/],
    [
      { signer: null, pin: 'not-pinned' as const },
      /unknown key.*not among the keys your organisation's policy pins/,
    ],
    [
      { signer: "Pinned by your organisation's policy: Laptop 7", pin: 'pinned' as const },
      /Laptop 7.*— pinned by/,
    ],
  ])('shows whose key signed the bundle (%o)', async (placed, shown) => {
    const signed = {
      ...summary,
      custodyWithheld: 2,
      signature: { state: 'signed' as const, algorithm: 'Ed25519', fingerprint: 'ab'.repeat(32), ...placed },
    };
    const verify = vi.fn(async (): Promise<VerifyResult> => ({
      ok: true,
      summary: signed,
      bundle: { ...bundle, summary: signed },
    }));
    render(<ImportPanel verify={verify} importVerified={vi.fn()} />);
    choose();
    const line = await screen.findByTestId('bundle-signature');
    expect(line.textContent).toMatch(shown);
    expect(screen.getByTestId('bundle-summary').textContent).toContain('2 withheld');
  });

  it('lists every problem of a refused bundle', async () => {
    const verify = vi.fn(async (): Promise<VerifyResult> => ({
      ok: false,
      problems: ['Unsafe entry "/etc/passwd": it is an absolute path.', 'x is missing'],
    }));
    render(<ImportPanel verify={verify} importVerified={vi.fn()} />);
    choose();
    const refused = await screen.findByTestId('import-refused');
    expect(refused.textContent).toContain('nothing was imported');
    expect(refused.querySelectorAll('li')).toHaveLength(2);
    expect(refused.textContent).toContain('Unsafe entry "/etc/passwd"');
  });

  it('asks for the passphrase, then verifies, then imports and reports conflicts', async () => {
    const verify = vi.fn(async (_file: Blob, password: string | undefined): Promise<VerifyResult> =>
      password
        ? { ok: true, summary, bundle }
        : {
            ok: false,
            problems: ['This bundle is encrypted: enter its passphrase to open it.'],
            needsPassword: true,
          },
    );
    const importVerified = vi.fn(async () => outcome);
    render(<ImportPanel verify={verify} importVerified={importVerified} />);
    choose();
    fireEvent.input(await screen.findByTestId('import-passphrase'), { target: { value: 'secret phrase' } });
    fireEvent.submit(screen.getByTestId('import-passphrase').closest('form')!);
    const verified = await screen.findByTestId('import-verified');
    expect(verify.mock.calls[1]![1]).toBe('secret phrase');
    expect(verified.textContent).toContain('<b>Acme</b>');
    expect(verified.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByTestId('import-start'));
    const done = await screen.findByTestId('import-done');
    expect(importVerified).toHaveBeenCalledWith(bundle);
    expect(done.textContent).toContain('Imported 2 new evidence records; 1 were already held.');
    expect(screen.getByTestId('import-conflicts').textContent).toContain(
      'EV-4: the evidence held here has other bytes for text.txt',
    );
  });

  it('says nothing was imported when the import fails', async () => {
    render(
      <ImportPanel
        verify={async () => ({ ok: true, summary, bundle })}
        importVerified={async () => Promise.reject(new Error('Disk full.'))}
      />,
    );
    choose();
    fireEvent.click(await screen.findByTestId('import-start'));
    expect((await screen.findByTestId('import-error')).textContent).toBe('Disk full. Nothing was imported.');
  });

  it('shows the audits and reviews to restore and each row left out before anything is written', async () => {
    const withRecords: VerifiedBundle = {
      ...bundle,
      ismsRecords: {
        internalAudits: [],
        managementReviews: [],
        problems: [
          'data/internal-audits.csv line 3: Choose a status: planned, in progress, completed or cancelled.',
        ],
      },
    };
    const importVerified = vi.fn(async (): Promise<ImportOutcome> => ({
      ...outcome,
      conflicts: [],
      ismsRecords: {
        added: [],
        kept: 0,
        unlinked: ['IA-1: the finding F-9 is not held here, so the link was left out.'],
      },
    }));
    render(
      <ImportPanel
        verify={async () => ({ ok: true, summary, bundle: withRecords })}
        importVerified={importVerified}
      />,
    );
    choose();
    const preview = await screen.findByTestId('import-records-preview');
    expect(preview.textContent).toContain('the bundle holds 0 audits and 0 reviews');
    expect(screen.getByTestId('import-records-problems').textContent).toContain(
      'data/internal-audits.csv line 3: Choose a status',
    );
    expect(importVerified).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('import-start'));
    const done = await screen.findByTestId('imported-records');
    expect(done.textContent).toContain('0 records restored, 0 already held were kept');
    expect(done.textContent).toContain('IA-1: the finding F-9 is not held here');
  });
});
