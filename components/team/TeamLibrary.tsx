import { teamViewText as t } from '@/utils/text';

/** One verified team record as the library lists it. */
export interface TeamLibraryRow {
  id: string;
  evidenceId: string;
  title: string;
  capturer: string;
  effectiveDate: string;
  controls: readonly string[];
  status: string;
}

/** Other people's evidence, read-only: no edit, retag or delete is offered here. */
export function TeamLibrary({ rows, total }: { rows: readonly TeamLibraryRow[]; total: number }) {
  return (
    <section aria-labelledby="team-library-heading">
      <h3 id="team-library-heading">{t.libraryHeading}</h3>
      <p class="hint">{t.libraryIntro(rows.length, total)}</p>
      <table data-testid="team-library">
        <thead>
          <tr>
            {Object.values(t.libraryColumns).map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.evidenceId}</th>
              <td>{row.title}</td>
              <td>{row.capturer}</td>
              <td>{row.effectiveDate}</td>
              <td>{row.controls.join(', ')}</td>
              <td>{row.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
