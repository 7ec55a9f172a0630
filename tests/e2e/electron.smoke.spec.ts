// Electron smoke test: when the Electron runtime is installed (and the SQLite driver built for
// it), the desktop app opens one window titled Recoup on a fresh data folder and shows the set-up
// screen. Without the runtime it reports itself skipped, with the reason.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const appRoot = path.resolve(__dirname, '../..');

/** The runtime's executable, or why there is none (the same checks as scripts/start.mjs). */
function electronRuntime(): { executable: string } | { reason: string } {
  const electronDir = path.join(appRoot, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile))
    return { reason: 'it could not be downloaded (node_modules/electron/path.txt is missing)' };
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { reason: `its executable ${executable} is missing` };
  if (!existsSync(path.join(appRoot, 'build', 'electron-native', 'better_sqlite3.node')))
    return { reason: 'the SQLite driver is not built for Electron (run `npm run rebuild:electron`)' };
  if (!existsSync(path.join(appRoot, 'out', 'main', 'index.js')))
    return { reason: 'the app is not built (run `npm run build`)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { reason: 'there is no display (set DISPLAY, e.g. under xvfb-run)' };
  return { executable };
}

const runtime = electronRuntime();

test.describe('Electron desktop app', () => {
  test.skip('reason' in runtime, `Electron runtime not installed: ${'reason' in runtime ? runtime.reason : ''}`);

  test('opens one Recoup window on the set-up screen', async () => {
    if (!('executable' in runtime)) return;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'recoup-electron-e2e-'));
    const app = await electron.launch({
      executablePath: runtime.executable,
      args: ['.'],
      cwd: appRoot,
      env: { ...process.env, RECOUP_DATA_DIR: dataDir, ELECTRON_RUN_AS_NODE: '' },
    });
    try {
      const window = await app.firstWindow();
      await expect(window).toHaveTitle(/Recoup/);
      expect(window.url()).toMatch(/^app:\/\/recoup\//);
      await expect(window.getByRole('heading', { name: /set up/i })).toBeVisible();
      // The page has the bridge and nothing of Node or Electron.
      const globals = await window.evaluate(() => {
        const w = globalThis as unknown as Record<string, unknown>;
        return {
          bridge: Object.keys((w.recoup as object | undefined) ?? {}).sort(),
          require: typeof w.require,
          process: typeof w.process,
        };
      });
      expect(globals).toEqual({ bridge: ['invoke', 'off', 'on'], require: 'undefined', process: 'undefined' });
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
