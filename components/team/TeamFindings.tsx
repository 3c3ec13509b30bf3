import type { Tampering } from '@/utils/team-store/verify';
import { teamViewText as t } from '@/utils/text';

/** Every finding of the last verification in a sentence, with the object key where it was found. */
export function TeamFindings({ findings }: { findings: readonly Tampering[] }) {
  return (
    <section aria-labelledby="team-tampering-heading" data-testid="team-tampering">
      <h3 id="team-tampering-heading">{t.tamperingHeading}</h3>
      {findings.length === 0 ? (
        <p>{t.noTampering}</p>
      ) : (
        <>
          <p role="alert">{t.tamperingIntro(findings.length)}</p>
          <ul>
            {findings.map((finding) => (
              <li key={`${finding.kind} ${finding.where}`} data-kind={finding.kind}>
                {finding.sentence}{' '}
                <span class="hint">
                  {t.where}: <code>{finding.where}</code>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
