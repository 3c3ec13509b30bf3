import { flatParent, isHiddenByAttribute, isNonRendered } from './dom';
import type { StyleReader } from './styles';
import type { ShadowRootReader } from '@/utils/page/types';

interface State {
  hidden: boolean;
  visible: boolean;
}

const RENDERED: State = { hidden: false, visible: true };
const NOT_RENDERED: State = { hidden: true, visible: false };

/**
 * Whether an element is seen at all: itself or a flat-tree ancestor hidden (display:none, [hidden], aria-hidden,
 * closed <details>, unslotted light child) or visibility:hidden. Memoised, so asking about every row of a table
 * costs O(rows), not O(rows × depth).
 */
export function createVisibilityOracle(styles: StyleReader, shadowRootOf: ShadowRootReader) {
  const cache = new Map<Element, State>();

  function state(element: Element): State {
    const chain: Element[] = [];
    let inherited = RENDERED;
    for (let current: Element | null | undefined = element; ;) {
      if (current === null) break;
      if (current === undefined) {
        inherited = NOT_RENDERED;
        break;
      }
      const known = cache.get(current);
      if (known) {
        inherited = known;
        break;
      }
      chain.push(current);
      current = flatParent(current, shadowRootOf);
    }
    for (let index = chain.length - 1; index >= 0; index--) {
      const current = chain[index];
      if (current === undefined) continue;
      let own = inherited;
      if (!inherited.hidden) {
        if (isNonRendered(current) || isHiddenByAttribute(current)) own = NOT_RENDERED;
        else {
          const style = styles.read(current);
          if (style.hidden) own = NOT_RENDERED;
          else if (style.visible !== null && style.visible !== inherited.visible) {
            own = { hidden: false, visible: style.visible };
          }
        }
      }
      cache.set(current, own);
      inherited = own;
    }
    return inherited;
  }

  return {
    /** Not displayed, or displayed but invisible. */
    isHidden: (element: Element): boolean => {
      const { hidden, visible } = state(element);
      return hidden || !visible;
    },
  };
}

export type VisibilityOracle = ReturnType<typeof createVisibilityOracle>;
