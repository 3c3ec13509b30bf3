import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IntegrityProgress, IntegrityReport } from '@/utils/evidence/library-types';
import { IntegrityCheckPanel } from './IntegrityCheckPanel';

afterEach(cleanup);

const clean: IntegrityReport = {
  evidenceChecked: 3,
  artifactsChecked: 9,
  bytesChecked: 4096,
  custodyEntriesChecked: 5,
  problems: [],
  cancelled: false,
};

describe('IntegrityCheckPanel', () => {
  it('shows progress while it runs, then a clean result', async () => {
    let finish: (report: IntegrityReport) => void = () => {};
    const run = vi.fn(
      (onProgress: (progress: IntegrityProgress) => void) =>
        new Promise<IntegrityReport>((resolve) => {
          onProgress({
            phase: 'artifacts',
            done: 4,
            total: 9,
            bytesDone: 2048,
            bytesTotal: 4096,
            current: 'EV-1/original.png',
          });
          finish = resolve;
        }),
    );
    render(<IntegrityCheckPanel run={run} onOpen={vi.fn()} />);
    fireEvent.click(screen.getByTestId('run-integrity-check'));
    expect((await screen.findByText(/4 of 9 files/)).textContent).toBe('4 of 9 files (2 KB of 4 KB)');
    expect(screen.getByTestId('integrity-progress').getAttribute('value')).toBe('2048');
    finish(clean);
    expect((await screen.findByTestId('integrity-result')).textContent).toMatch(
      /No problems: 9 files \(4 KB\) of 3 evidence items and 5 custody entries checked/,
    );
  });

  it('lists each problem by name and opens the evidence', async () => {
    const onOpen = vi.fn();
    const report: IntegrityReport = {
      ...clean,
      problems: [
        {
          kind: 'corrupt',
          evidenceId: 'EV-2',
          item: 'EV-2/original.png',
          title: 'Backups',
          message: 'the bytes changed.',
        },
        {
          kind: 'chain',
          evidenceId: null,
          item: 'custody entry 4',
          message: 'it was changed after it was written.',
        },
      ],
    };
    render(<IntegrityCheckPanel run={async () => report} onOpen={onOpen} />);
    fireEvent.click(screen.getByTestId('run-integrity-check'));
    const problems = await screen.findByTestId('integrity-problems');
    expect(problems.children).toHaveLength(2);
    expect(problems.textContent).toContain('Changed bytes — EV-2/original.png');
    expect(problems.children[0]!.textContent).toMatch(
      /^Changed bytes — EV-2\/original.png \(“Backups”\): the bytes changed\. open$/,
    );
    expect(problems.textContent).toContain('Custody chain — custody entry 4');
    fireEvent.click(screen.getByRole('button', { name: 'open' }));
    expect(onOpen).toHaveBeenCalledWith('EV-2');
  });

  it('reports a check that could not finish', async () => {
    render(
      <IntegrityCheckPanel run={async () => Promise.reject(new Error('database closed'))} onOpen={vi.fn()} />,
    );
    fireEvent.click(screen.getByTestId('run-integrity-check'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The check could not finish: database closed',
    );
  });
});
