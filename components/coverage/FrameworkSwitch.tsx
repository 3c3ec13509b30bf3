import type { FrameworkId } from '@/utils/crosswalk/frameworks';
import { frameworkShortName } from '@/utils/crosswalk/framework-catalogue';
import { frameworkViewText as t } from '@/utils/text';

export interface FrameworkSwitchProps {
  inScope: readonly FrameworkId[];
  chosen: FrameworkId;
  onChoose: (framework: FrameworkId) => void;
}

/** One button per framework in scope; nothing when ISO is the only one. */
export function FrameworkSwitch({ inScope, chosen, onChoose }: FrameworkSwitchProps) {
  if (inScope.length < 2) return null;
  return (
    <div class="framework-switch" role="group" aria-label={t.switchLabel} data-testid="framework-switch">
      <span class="hint">{t.switchLabel}</span>{' '}
      {inScope.map((framework) => (
        <button
          key={framework}
          type="button"
          data-framework={framework}
          aria-pressed={framework === chosen}
          class={framework === chosen ? 'primary' : ''}
          onClick={() => onChoose(framework)}
        >
          {frameworkShortName(framework)}
        </button>
      ))}
    </div>
  );
}
