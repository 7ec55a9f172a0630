// What both ways of running share at start-up: the environment, the data folder, the clock and
// the composed app with its router.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { systemClock } from './clock';
import { composeRecoup } from './compose';
import { dataFolder, resolveDataFolder } from './store/dataFolder';
import { sessionLimitsFrom } from './platform/sessions';

export function appVersion(appRoot: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * RECOUP_DATA_DIR: the data folder (default: the per-user application data folder, or
 * `defaultDir` when the caller knows it, as Electron does). RECOUP_TODAY: the business date.
 * RECOUP_SESSION_HOURS, RECOUP_SESSION_IDLE_END_MINUTES: how long a session may live.
 */
export function boot(options: { appRoot: string; env?: NodeJS.ProcessEnv; defaultDir?: string }) {
  // Every file the process creates (the database, its -wal and -shm, a key change's copies,
  // backups, exports) is the owner's alone from the moment it exists (docs/security.md).
  process.umask(0o077);
  const env = options.env ?? process.env;
  const folder =
    env.RECOUP_DATA_DIR || !options.defaultDir ? resolveDataFolder(env) : dataFolder(options.defaultDir, false);
  const clock = systemClock(env.RECOUP_TODAY);
  return composeRecoup({
    folder,
    clock,
    version: appVersion(options.appRoot),
    sessionLimits: sessionLimitsFrom(env),
  });
}
