import type { RiskLevel } from '@/utils/risk/types';
import { commonText, riskScreenText } from '@/utils/text';

/** A level as its band's name and score, coloured by band; a dash when it was not assessed. */
export function LevelTag({ level }: { level: RiskLevel | null }) {
  if (!level) return <span class="hint">{commonText.none}</span>;
  return (
    <span class={`tag risk-level risk-level-${level.band.id}`}>
      {riskScreenText.level(level.band.name, level.score)}
    </span>
  );
}
