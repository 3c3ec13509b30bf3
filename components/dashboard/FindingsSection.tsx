import { FindingsRegister } from '@/components/audit/FindingsRegister';
import { dashboardText } from '@/utils/text';
import type { SectionContext } from './section-context';

export function FindingsSection({ context }: { context: SectionContext }) {
  const { catalogue, data, today, services, thenReload } = context;
  return (
    <>
      <h2>{dashboardText.findingsHeading}</h2>
      <FindingsRegister
        catalogue={catalogue}
        findings={data.coverage.findings}
        today={today}
        onSave={thenReload(services.saveFinding)}
        onDelete={thenReload(services.deleteFinding)}
      />
    </>
  );
}
