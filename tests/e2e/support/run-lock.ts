import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { E2E_DIR } from './paths';

const LOCK_FILE = join(E2E_DIR, '.tmp', 'run.lock');
const WAIT_LIMIT_MS = 15 * 60 * 1000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function holder(): number | null {
  try {
    const pid = Number(readFileSync(LOCK_FILE, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * Let one journey run at a time in this working tree. Playwright empties the output folder
 * before anything else runs, so a second run started meanwhile would delete the first one's traces;
 * and two runs on two cores would only slow each other into timeouts. The lock is taken while the
 * config loads (the first thing a run does) and released when the run's process exits; the lock
 * of a run that was killed is taken over.
 */
export function acquireRunLock(): void {
  mkdirSync(join(E2E_DIR, '.tmp'), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(LOCK_FILE, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.on('exit', () => {
        if (holder() === process.pid) unlinkSync(LOCK_FILE);
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder();
    // The runner may read its config more than once, or in a helper process of its own.
    if (pid === process.pid || pid === process.ppid) return;
    if (pid === null) {
      unlinkSync(LOCK_FILE);
      continue;
    }
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new Error(`Another e2e run (pid ${pid}) has held ${LOCK_FILE} for 15 minutes.`);
    }
    if (!announced) {
      process.stderr.write(`Another e2e run (pid ${pid}) is using this working tree; waiting…\n`);
      announced = true;
    }
    sleepSync(1000);
  }
}
