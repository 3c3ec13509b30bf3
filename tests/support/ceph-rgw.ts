import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a running loopback RGW answers, and the keys of its one S3 user. */
export interface LoopbackRgw {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The cluster's directory: `stopRgw` needs it to find the PIDs it started. */
  directory: string;
}

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ceph-rgw.sh');

/** A TCP port the system reports free on 127.0.0.1 (above Ceph's OSD range 6800–7300). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port > 7300 || port < 6800) return port;
  }
}

/** Builds a fresh cluster in its own directory and ports, so two runs on one machine never collide. */
export async function startRgw(name = 'store'): Promise<LoopbackRgw> {
  const directory = path.join('/tmp', `isms-rgw-${name}-${process.pid}`);
  const env = {
    ...process.env,
    RGW_DIR: directory,
    RGW_PORT: String(await freePort()),
    RGW_MON_PORT: String(await freePort()),
  };
  const output = execFileSync(script, ['start'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = /RGW_READY endpoint=(\S+) access=(\S+) secret=(\S+)/.exec(output);
  if (!ready) throw new Error(`ceph-rgw.sh start printed no RGW_READY line:\n${output}`);
  return { endpoint: ready[1]!, accessKeyId: ready[2]!, secretAccessKey: ready[3]!, directory };
}

/** Kills exactly the daemons this cluster's PID files name, and removes its directory. */
export function stopRgw(rgw: Pick<LoopbackRgw, 'directory'>): void {
  execFileSync(script, ['stop'], { env: { ...process.env, RGW_DIR: rgw.directory }, stdio: 'inherit' });
}

/** Runs radosgw-admin against this cluster (out-of-band cleanup of locked buckets). */
export function rgwAdmin(rgw: Pick<LoopbackRgw, 'directory'>, args: string[]): string {
  return execFileSync(script, ['admin', ...args], {
    env: { ...process.env, RGW_DIR: rgw.directory },
    encoding: 'utf8',
  });
}

/** Kills only the gateway: the S3 port stops answering, the objects stay in the OSD (an outage mid-sync). */
export function stopGateway(rgw: Pick<LoopbackRgw, 'directory'>): void {
  execFileSync(script, ['stop-gateway'], {
    env: { ...process.env, RGW_DIR: rgw.directory },
    stdio: 'inherit',
  });
}

/** Starts the gateway again on its port and waits until it answers. */
export function startGateway(rgw: Pick<LoopbackRgw, 'directory'>): void {
  execFileSync(script, ['start-gateway'], {
    env: { ...process.env, RGW_DIR: rgw.directory },
    stdio: 'inherit',
  });
}

/** Freezes (SIGSTOP) or thaws (SIGCONT) the gateway: requests in flight hang until it resumes. */
export function pauseGateway(rgw: Pick<LoopbackRgw, 'directory'>, paused: boolean): void {
  execFileSync(script, [paused ? 'pause-gateway' : 'resume-gateway'], {
    env: { ...process.env, RGW_DIR: rgw.directory },
    stdio: 'inherit',
  });
}
