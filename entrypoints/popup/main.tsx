import '@/components/styles/coverage.css';
import '@/components/styles/blackout.css';
import { holdEarlyClicks } from './early-clicks';

// The capture buttons, shortcut hints and placeholders are already in the page (popup/index.html, filled in at
// build time by scripts/popup-shell.mjs), styled by the sheets linked in its head (the ones imported here): this
// small entry only holds early clicks while the rest of the popup — components, catalogue, database — loads,
// then hands over.
const early = holdEarlyClicks(document.getElementById('app')!);
void import('./app').then(({ start }) => {
  start();
  early.release();
});
