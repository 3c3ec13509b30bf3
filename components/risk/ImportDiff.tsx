import type { RiskImportPreview } from '@/utils/risk/risk-import';
import { riskScreenText } from '@/utils/text';
import { diffCell } from '@/utils/risk/import-diff';

/** Rows of the diff drawn at once: the counts above say how many there are in all. */
const DIFF_SHOWN = 50;

/** What a confirm would write, by risk ID: the new risks, and each changed field before and after. */
export function ImportDiff({ preview }: { preview: RiskImportPreview }) {
  const { added, changed, unchanged } = preview;
  if (added.length + changed.length + unchanged === 0) return null;
  return (
    <div class="import-diff" data-testid="risk-import-diff">
      <p role="status">{riskScreenText.import.diffSummary(added.length, changed.length, unchanged)}</p>
      {added.length > 0 && (
        <details open={added.length <= DIFF_SHOWN}>
          <summary>{riskScreenText.import.addedHeading(added.length)}</summary>
          <ul>
            {added.slice(0, DIFF_SHOWN).map((risk) => (
              <li key={risk.id}>
                <strong>{risk.id}</strong> {risk.title}
              </li>
            ))}
          </ul>
        </details>
      )}
      {changed.length > 0 && (
        <div class="table-scroll">
          <table class="data" data-testid="risk-import-changes">
            <caption>{riskScreenText.import.changedHeading(changed.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{riskScreenText.import.riskColumn}</th>
                <th scope="col">{riskScreenText.import.fieldColumn}</th>
                <th scope="col">{riskScreenText.import.beforeColumn}</th>
                <th scope="col">{riskScreenText.import.afterColumn}</th>
              </tr>
            </thead>
            <tbody>
              {changed.slice(0, DIFF_SHOWN).flatMap((change) =>
                change.fields.map((field, index) => (
                  <tr key={`${change.after.id}-${field}`}>
                    {index === 0 && (
                      <th scope="row" rowSpan={change.fields.length}>
                        {change.after.id}
                      </th>
                    )}
                    <td>{riskScreenText.fieldNames[field] ?? field}</td>
                    <td>{diffCell(change.before, field)}</td>
                    <td>{diffCell(change.after, field)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
