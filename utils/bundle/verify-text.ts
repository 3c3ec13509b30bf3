import { reportText } from '../text';

/** `data/VERIFY.txt`: how an auditor checks the bag with nothing but the tools of their computer. */
export function verifyText(bundleName: string): string {
  return reportText.verifyGuide(bundleName);
}
