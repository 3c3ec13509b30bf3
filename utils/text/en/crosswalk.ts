/** Other frameworks counted through a mapping to ISO/IEC 27001:2022. */
export const crosswalkText = {
  mappingBasis: {
    soc2: 'SOC 2 criteria mapped to ISO/IEC 27001:2022 by ID by this project (utils/crosswalk/soc2-tsc.ts); the service auditor decides what satisfies a criterion.',
    'nist-csf':
      "NIST CSF 2.0 subcategories mapped to ISO/IEC 27001:2022 from NIST's informative references (utils/crosswalk/data/nist-csf-2.0-to-iso27001-2022.tsv).",
  },
  mappedFrom: (isoId: string) => `mapped from ${isoId}`,
} as const;
