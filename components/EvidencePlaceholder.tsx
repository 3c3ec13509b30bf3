/** Holds the place of the evidence library, which a later issue builds. */
export function EvidencePlaceholder() {
  return (
    <div class="evidence-placeholder" id="evidence-slot" data-testid="evidence-slot">
      <h2>Evidence</h2>
      <p>
        The evidence library (search, filter by control, site and date, review and retag captures) comes in a
        later release. Until then, captures are tagged from the popup and counted in the coverage on the
        Overview.
      </p>
    </div>
  );
}
