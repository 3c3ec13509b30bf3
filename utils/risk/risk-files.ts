/** File names of the register's downloads: `risk-register_Example-Ltd_2025-06-20.csv`. */
export function riskCsvFileName(organisation: string, today: string): string {
  const safe = organisation
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `risk-register_${safe || 'organisation'}_${today}.csv`;
}
