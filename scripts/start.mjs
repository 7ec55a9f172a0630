// What `npm start` runs after `npm run build`: the desktop app when the Electron runtime is
// installed and the SQLite driver is built for it, otherwise the workspace server (the same app in
// a browser on 127.0.0.1), saying why. `--server` always starts the server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { appRoot, electronNativeStatus, electronRuntime } from './rebuild-electron.mjs';

const OPEN_IN_BROWSER = 'so Recoup runs as a workspace server; open the address above in a browser.';

/** { mode: 'electron', executable } or { mode: 'server', why } for these arguments and this machine. */
function chooseMode(argv) {
  if (argv.includes('--server')) return { mode: 'server', why: `Started with --server, ${OPEN_IN_BROWSER}` };
  const runtime = electronRuntime();
  if (!runtime.installed) return { mode: 'server', why: `${capitalise(runtime.reason)}, ${OPEN_IN_BROWSER}` };
  const native = electronNativeStatus(runtime);
  if (!native.ok) {
    console.log(`recoup: ${native.reason}. Run \`npm run rebuild:electron\` once to use the desktop app.`);
    return {
      mode: 'server',
      why: `${capitalise(native.reason)} (run \`npm run rebuild:electron\`), ${OPEN_IN_BROWSER}`,
    };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { mode: 'server', why: `There is no display to open a window on, ${OPEN_IN_BROWSER}` };
  return { mode: 'electron', executable: runtime.executable };
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Run the child with our terminal, pass Ctrl-C and termination on, and leave with its status. */
function relay(command, args, env) {
  const child = spawn(command, args, { cwd: appRoot, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  child.on('error', (err) => {
    console.error(`recoup: could not start ${path.basename(command)}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // Leave the way the child did, so a shell sees the same signal.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

const choice = chooseMode(process.argv.slice(2));
const env = { ...process.env };
// Inherited from some shells and tools; it would make Electron act as plain Node.
delete env.ELECTRON_RUN_AS_NODE;

if (choice.mode === 'electron') {
  relay(choice.executable, ['.'], env);
} else {
  const server = path.join(appRoot, 'out', 'main', 'server.js');
  if (!existsSync(server)) {
    console.error('recoup: the workspace is not built (out/main/server.js is missing). Run `npm run build` first.');
    process.exit(1);
  }
  relay(process.execPath, [server], { ...env, RECOUP_WHY: choice.why });
}
