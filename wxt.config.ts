import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { popupShell } from './scripts/popup-shell.mjs';

// The manifest is the product's security boundary: tests/e2e/manifest.test.ts pins it.
export default defineConfig({
  imports: false,
  // MV3 everywhere: one `action` API, and Firefox (109+) grants activeTab to MV3 add-ons the same way.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  // The popup's HTML holds its capture buttons from the first byte (scripts/popup-shell.mjs).
  vite: () => ({ plugins: [preact(), popupShell()] }),
  // The sources archive the Firefox add-ons site asks for (docs/STORE.md): WXT already leaves out
  // node_modules, .output and hidden folders; nothing local or generated goes in either.
  zip: { excludeSources: ['dist/**', 'test-results/**', 'tmp/**', '**/*.log'] },
  manifest: ({ browser }) => ({
    name: 'ISMS Evidence Collector',
    description:
      'One-click ISO/IEC 27001 audit evidence: capture admin consoles, tag to Annex A controls, export a verifiable bundle.',
    // `alarms` wakes the worker to retry uploads to a team store or a time-stamping authority. The optional
    // host permissions are never granted at install: settings ask for the one origin the user configured
    // (platform/origin-permission.ts, docs/STORE.md).
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Capture audit evidence' },
    commands: {
      'capture-visible': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Capture the visible area as audit evidence',
      },
      'capture-full-page': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Capture the whole page (scrolling) as audit evidence',
      },
      'capture-element': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Pick an element or drag a region to capture as audit evidence',
      },
    },
    // Organisation-wide settings by browser policy (docs/DEPLOYMENT.md). Firefox reads policies.json
    // without a schema, so only Chromium browsers get the key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          // The export hands its finished zip to downloads.download, which says when the download is complete
          // so the working copy in the extension's storage can go; asked for at the first export's click.
          optional_permissions: ['downloads'],
          browser_specific_settings: {
            gecko: {
              id: 'isms-evidence-collector@isms-evidence-collector.org',
              strict_min_version: '128.0',
              // Nothing leaves the browser: the add-ons site asks add-ons to declare it.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
