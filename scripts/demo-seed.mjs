// Seeds a fresh demo profile with a capturer name, an organisation and an example audit plan,
// through the extension's own messages (the same path the dashboard uses), so coverage has a
// window to measure against from the first capture.
import { openBackgroundPage } from '../tests/e2e/chromium.mjs';

const DAY = 86_400_000;
const day = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** An ISMS that has run for four months, with Stage 1 next month and Stage 2 five weeks later. */
export function exampleAuditPlan() {
  return {
    certificationBody: 'Example Certification Ltd (demo)',
    organisation: 'Northwind Demo',
    scope: 'Cloud operations and IT administration of the Northwind demo consoles',
    stage1Date: day(30),
    stage2Date: day(65),
    windowStart: day(-120),
    windowEnd: day(60),
    certificationDate: null,
    surveillance1Date: null,
    surveillance2Date: null,
    recertificationDate: null,
  };
}

/** @param {import('../tests/e2e/chromium.mjs').LaunchedExtension} extension */
export async function seedDemo(extension) {
  const page = await openBackgroundPage(
    extension,
    `chrome-extension://${extension.extensionId}/dashboard.html?seed`,
  );
  try {
    const replies = await page.evaluate(async (plan) => {
      // eslint-disable-next-line no-undef -- runs in the extension page, where chrome is defined
      const send = (type, payload) => chrome.runtime.sendMessage({ type, payload });
      return [
        await send('saveSettings', { capturer: 'Demo Admin', organisation: 'Northwind Demo' }),
        await send('saveAuditPlan', plan),
      ];
    }, exampleAuditPlan());
    const failed = replies.find((reply) => !reply?.ok);
    if (failed) throw new Error(`Seeding the demo failed: ${failed.error}`);
  } finally {
    await page.close();
  }
}
