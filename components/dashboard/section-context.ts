import type { ComponentChildren } from 'preact';
import type { Assessment } from '@/utils/coverage/assessment';
import type { Catalogue } from '@/utils/catalogue/types';
import type { Route } from '@/utils/dashboard/routes';
import type { DashboardData, DashboardServices } from './dashboard-services';

/** Panels the page wires itself (they keep their own services), shown inside a section. */
export interface DashboardPanels {
  /** The bundle import panel, rendered in the Export & import section. */
  importPanel?: ComponentChildren;
  /** The evidence library, rendered as the Evidence section. */
  evidencePanel?: ComponentChildren;
  /** The team view (the compliance lead's pull of the team store), rendered as the Team section. */
  teamPanel?: ComponentChildren;
}

/** Everything a section may show or do, handed to it once the snapshot has loaded. */
export interface SectionContext {
  catalogue: Catalogue;
  data: DashboardData;
  assessment: Assessment;
  today: string;
  services: DashboardServices;
  panels: DashboardPanels;
  route: Route;
  openControl: (controlId: string) => void;
  /** Wraps a write so the dashboard reloads its snapshot once the write has resolved. */
  thenReload: <T extends unknown[], R>(action: (...args: T) => Promise<R>) => (...args: T) => Promise<R>;
}

/** Renders one dashboard section (or one settings panel) from the context; null renders nothing. */
export type SectionView = (context: SectionContext) => ComponentChildren;
