import type { TestProject } from 'vitest/node';
import { startRgw, stopRgw } from '../support/ceph-rgw';

declare module 'vitest' {
  export interface ProvidedContext {
    rgw: { endpoint: string; accessKeyId: string; secretAccessKey: string; directory: string };
  }
}

/** Starts one loopback RGW for the store suite and stops it when the run ends, passed or failed. */
export default async function setup(project: TestProject): Promise<() => void> {
  const rgw = await startRgw('store');
  // A run killed by a signal skips vitest's teardown: stop the cluster on the way out anyway.
  const stopOnSignal = (): void => {
    stopRgw(rgw);
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  project.provide('rgw', rgw);
  return () => {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    stopRgw(rgw);
  };
}
