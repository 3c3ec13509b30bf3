/**
 * Writes and removes a Chromium policy file. The policy folder belongs to root: as root the file is
 * written directly, otherwise through passwordless `sudo -n` (as CI machines allow), else a sentence
 * says what is needed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function sudo(args: string[], input?: string): void {
  try {
    execFileSync('sudo', ['-n', ...args], { input, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (error) {
    throw new Error(
      `Writing Chromium's policy folder needs root: run the end-to-end suite as root or with passwordless sudo (${
        error instanceof Error ? error.message.split('\n')[0] : String(error)
      }).`,
    );
  }
}

/** '/etc/chromium/policies/managed' → ['/etc', …, '/etc/chromium/policies/managed']. */
function ancestors(folder: string): string[] {
  const parts = path.resolve(folder).split(path.sep).filter(Boolean);
  return parts.map((_, index) => path.sep + parts.slice(0, index + 1).join(path.sep));
}

export interface PolicyFile {
  /** Removes the file, and the folders it created if they are left empty. */
  remove(): Promise<void>;
}

export async function writePolicyFile(folder: string, name: string, policy: unknown): Promise<PolicyFile> {
  const file = path.join(folder, name);
  const created = ancestors(folder).filter((candidate) => !existsSync(candidate));
  const text = `${JSON.stringify(policy, null, 2)}\n`;
  if (isRoot()) {
    await mkdir(folder, { recursive: true });
    await writeFile(file, text);
  } else {
    sudo(['mkdir', '-p', folder]);
    sudo(['tee', file], text);
  }
  return {
    async remove() {
      if (isRoot()) {
        await rm(file, { force: true });
        for (const dir of [...created].reverse()) {
          if ((await readdir(dir)).length > 0) break;
          await rmdir(dir);
        }
      } else {
        sudo(['rm', '-f', file]);
        for (const dir of [...created].reverse()) sudo(['rmdir', '--ignore-fail-on-non-empty', dir]);
      }
    },
  };
}
