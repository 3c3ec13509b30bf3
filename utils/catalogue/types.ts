/** A framework's catalogue as data: another framework is another data file of this shape. */

export interface CatalogueTheme {
  id: string; // e.g. 'organizational'
  name: string; // e.g. 'Organizational'
}

export type ControlKind = 'control' | 'clause';

export interface CatalogueItem {
  id: string; // 'A.5.15' or '4.3'
  title: string;
  kind: ControlKind;
  /** Theme id for controls; 'clauses' for management-system clauses. */
  theme: string;
  /** Default evidence cadence in days (organisation-defined; users override per control). */
  cadenceDays: number;
  cadenceLabel: string;
  /** Short hints: what evidence typically shows this item operating. */
  evidenceHints: string[];
  /** Example consoles or pages where that evidence is captured. */
  exampleSources: string[];
  /** Clauses only: the standard requires documented information. */
  documentedInformationRequired: boolean;
}

export interface Catalogue {
  framework: string; // 'ISO/IEC 27001'
  version: string; // '2022'
  themes: CatalogueTheme[];
  items: CatalogueItem[];
}
