import { overviewText, popupText } from '@/utils/text';
import '../styles/coverage.css';

/** Holds the coverage summary's place while it is read, so the popup does not jump when it arrives. */
export function CoveragePending() {
  return (
    <section class="coverage-summary coverage-pending" aria-busy="true" data-testid="coverage-pending">
      <h2>{overviewText.coverageHeading}</h2>
      <p class="hint">{popupText.coveragePending}</p>
    </section>
  );
}
