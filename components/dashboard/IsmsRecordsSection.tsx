import { IsmsRecordsPanel } from '@/components/isms-records/IsmsRecordsPanel';
import { ismsRecordsText } from '@/utils/text';
import type { SectionContext } from './section-context';

/** Clause 9.2 and 9.3 records: the internal audit programme and the management reviews. */
export function IsmsRecordsSection({ context }: { context: SectionContext }) {
  const { data, services, thenReload } = context;
  return (
    <>
      <h2>{ismsRecordsText.screen.heading}</h2>
      <IsmsRecordsPanel
        internalAudits={data.coverage.internalAudits ?? []}
        managementReviews={data.coverage.managementReviews ?? []}
        onSaveAudit={thenReload(services.saveInternalAudit)}
        onSaveReview={thenReload(services.saveManagementReview)}
      />
    </>
  );
}
