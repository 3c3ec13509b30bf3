import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { renderPopupShell, withShell } from '@/scripts/popup-shell.mjs';
import type { EvidenceRecord } from '@/utils/evidence/types';
import { holdEarlyClicks } from './early-clicks';
import { NOTHING_READ, PopupView, type PopupActions } from './view';

const stored: EvidenceRecord = {
  id: 'EV-20261127-7K3QZ9',
  sequence: 1,
  capturedAt: '2026-11-27T22:15:04.000Z',
  effectiveDate: '2026-11-27',
  url: 'https://backup.example.com/jobs',
  title: 'Backup jobs',
  site: 'backup.example.com',
  capturer: 'Alice',
  kind: 'visible',
  controls: ['A.8.13'],
  notes: '',
  status: 'needs-review',
  artifacts: [],
};

function liveActions(): PopupActions {
  const never = () => new Promise<never>(() => undefined);
  return {
    onCapture: vi.fn(never),
    onOpenReview: vi.fn(never),
    onSaveTagging: vi.fn(async () => {}),
    onOpenDashboard: vi.fn(),
    onBlackout: vi.fn(never),
    onCaptureFullPage: vi.fn(never),
    onPickElement: vi.fn(async () => {}),
    onCancelCapture: vi.fn(),
    onMaskingChange: vi.fn(async () => {}),
    onOpenEntry: vi.fn(),
  };
}

const POPUP_PAGE = '<!doctype html><html><body><div id="app"></div></body></html>';

/** A root holding the popup's HTML as the build writes it. */
async function shellRoot() {
  const page = new DOMParser().parseFromString(withShell(POPUP_PAGE, await renderPopupShell()), 'text/html');
  const root = document.createElement('div');
  root.append(...page.getElementById('app')!.childNodes);
  document.body.append(root);
  return root;
}

const button = (root: Element, testId: string) =>
  root.querySelector<HTMLButtonElement>(`button[data-testid="${testId}"]`)!;

describe('the popup shell (its HTML before any script)', () => {
  it('holds the capture buttons, the shortcut hints, the masking switch disabled and the coverage placeholder', async () => {
    const root = await shellRoot();
    expect(button(root, 'capture-visible').textContent).toBe('Capture visible area');
    expect(button(root, 'capture-full-page').textContent).toBe('Full page');
    expect(button(root, 'capture-element').textContent).toBe('Capture element or region');
    expect([...root.querySelectorAll('kbd')].map((key) => key.textContent).join(' ')).toBe(
      'Alt Shift E Alt Shift F Alt Shift R',
    );
    const masking = root.querySelector<HTMLInputElement>('[data-testid="masking-enabled"]')!;
    expect(masking.disabled).toBe(true);
    expect(masking.checked).toBe(false);
    expect(root.querySelector('[data-testid="coverage-pending"]')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('section.capture-area')?.getAttribute('aria-label')).toBe('Capture');
  });

  it('goes into the popup page’s empty app root, and refuses a page without one', () => {
    const page = '<body><div id="app"></div><script type="module" src="./main.tsx"></script></body>';
    expect(withShell(page, '<main>shell</main>')).toBe(
      '<body><div id="app"><main>shell</main></div><script type="module" src="./main.tsx"></script></body>',
    );
    expect(() => withShell('<body><div id="root"></div></body>', '<main></main>')).toThrow(/app/);
  });

  it('is taken over node for node by the live popup, which then works and keeps its buttons in place', async () => {
    const root = await shellRoot();
    const markup = root.innerHTML;
    const capture = button(root, 'capture-visible');
    const actions = liveActions();
    render(<PopupView parts={NOTHING_READ} actions={actions} />, root);
    expect(root.innerHTML).toBe(markup);
    expect(button(root, 'capture-visible')).toBe(capture);
    capture.click();
    expect(actions.onCapture).toHaveBeenCalledTimes(1);

    // The rest arrives: the name, the masking setting, a capture to review. The buttons are the same nodes,
    // still first in the capture area.
    render(
      <PopupView
        parts={{
          ...NOTHING_READ,
          capturer: 'Alice',
          needsReview: [stored],
          masking: { settings: { enabled: true }, enabled: 'user' } as never,
        }}
        actions={actions}
      />,
      root,
    );
    expect(button(root, 'capture-visible')).toBe(capture);
    expect(root.querySelector('section.capture-area')?.firstElementChild).toBe(capture);
    expect(root.querySelector<HTMLInputElement>('[data-testid="masking-enabled"]')?.disabled).toBe(false);
    expect(root.querySelector('[data-testid="needs-review"]')?.textContent).toContain('Backup jobs');
    expect(root.textContent).toContain('capturing as Alice');
  });

  it('replays a click made before the script loaded, once, on the live button', async () => {
    const root = await shellRoot();
    const early = holdEarlyClicks(root);
    button(root, 'capture-element').click();
    button(root, 'capture-element').click();
    const actions = liveActions();
    render(<PopupView parts={NOTHING_READ} actions={actions} />, root);
    expect(actions.onPickElement).not.toHaveBeenCalled();
    early.release();
    expect(actions.onPickElement).toHaveBeenCalledTimes(1);
    expect(actions.onCapture).not.toHaveBeenCalled();
  });
});
