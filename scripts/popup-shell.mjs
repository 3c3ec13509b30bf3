// Build step (wxt.config.ts): fills the toolbar popup's HTML with its first view — capture buttons, shortcut
// hints, the masking switch disabled and the coverage placeholder — rendered from the real components
// (entrypoints/popup/shell.tsx). The browser shows the buttons as soon as it parses the page; the script then
// takes the same nodes over (entrypoints/popup/main.tsx), so nothing moves or flashes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Window } from 'happy-dom';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHELL = path.join(ROOT, 'entrypoints', 'popup', 'shell.tsx');
export const POPUP_HTML = path.join(ROOT, 'entrypoints', 'popup', 'index.html');
const SLOT = '<div id="app"></div>';

/** The shell's markup, rendered by Preact into a happy-dom document. */
export async function renderPopupShell() {
  const bundle = await build({
    entryPoints: [SHELL],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': ROOT },
    loader: { '.css': 'empty' },
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0].text;
  const { renderShell } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const window = new Window();
  const previous = globalThis.document;
  globalThis.document = window.document;
  try {
    const container = window.document.createElement('div');
    renderShell(container);
    return container.innerHTML;
  } finally {
    globalThis.document = previous;
    await window.happyDOM.close();
  }
}

/** Puts `markup` into the popup's (empty) app root; fails loudly if the page no longer has one. */
export function withShell(html, markup) {
  if (!html.includes(SLOT))
    throw new Error(`entrypoints/popup/index.html lost its ${SLOT}: the shell has nowhere to go.`);
  return html.replace(SLOT, `<div id="app">${markup}</div>`);
}

/** The Vite plugin: only the popup's page is touched. */
export function popupShell() {
  return {
    name: 'isms-popup-shell',
    transformIndexHtml: {
      order: 'pre',
      async handler(html, context) {
        if (path.resolve(context.filename) !== POPUP_HTML) return html;
        return withShell(html, await renderPopupShell());
      },
    },
  };
}
