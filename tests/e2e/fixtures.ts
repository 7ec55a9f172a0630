// Every test gets its own workspace server on a random port over a fresh, empty data folder, and
// both are gone after the test (Actual Budget's fresh-data-folder fixture, for the HTTP host).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

export interface Workspace {
  /** The address the server printed, with its token: the page a clerk is given. */
  url: string;
  /** http://127.0.0.1:<port>, for going to a place (`${origin}/#/users`). */
  origin: string;
  dataDir: string;
  /**
   * Moves the clock: stops the server and starts it again on the same data folder with a later
   * business date (RECOUP_TODAY). The address and token change; `url` and `origin` follow, and
   * the clerk logs in again.
   */
  restart(today: string): Promise<void>;
}

export interface WorkspaceOptions {
  /** RECOUP_TODAY for the server (a fixed business date), or undefined for the calendar. */
  today: string | undefined;
  /** Point RECOUP_DATA_DIR at a folder that does not exist (store-problem screen). */
  missingDataDir: boolean;
}

const SERVER = path.resolve(__dirname, '../../out/main/server.js');
const READY = /^Recoup workspace: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)$/m;

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; origin: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let settled = false;
    const timer = setTimeout(() => fail(new Error('the workspace server did not print its address in 20 s')), 20_000);
    function fail(error: Error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\nstdout: ${out}\nstderr: ${err}`));
    }
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (err += chunk));
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const m = READY.exec(out);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, url: m[1]!, origin: `http://127.0.0.1:${m[2]!}` });
      }
    });
    child.once('exit', (code) => fail(new Error(`the workspace server exited with code ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const test = base.extend<WorkspaceOptions & { workspace: Workspace }>({
  today: [undefined, { option: true }],
  missingDataDir: [false, { option: true }],
  workspace: async ({ today, missingDataDir }, use) => {
    const root = await mkdtemp(path.join(tmpdir(), 'recoup-e2e-'));
    const dataDir = missingDataDir ? path.join(root, 'not-there') : root;
    const env: NodeJS.ProcessEnv = { ...process.env, RECOUP_DATA_DIR: dataDir, RECOUP_PORT: '0' };
    if (today) env.RECOUP_TODAY = today;
    else delete env.RECOUP_TODAY;
    let server = await startServer(env);
    const workspace: Workspace = {
      url: server.url,
      origin: server.origin,
      dataDir,
      async restart(later: string) {
        await stopServer(server.child);
        server = await startServer({ ...env, RECOUP_TODAY: later });
        workspace.url = server.url;
        workspace.origin = server.origin;
      },
    };
    try {
      await use(workspace);
    } finally {
      await stopServer(server.child);
      await rm(root, { recursive: true, force: true });
    }
  },
});

export { expect };
