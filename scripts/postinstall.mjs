// After `npm ci`: applies the patches to dependencies in patches/ (patch-package), then fetches
// the Electron runtime.
//
// The patches: pdfkit parses a standard font's metrics once per process instead of once per
// document (see patches/README.md). Without it everything works, only the statement run is slower.
//
// Fetching the Electron runtime: The `electron` package's own download script is
// denied in package.json (allowScripts) so that an install on a machine that reaches only the npm
// registry still succeeds; here the same download is attempted, and a failure is one clear
// warning, never an error. Without the runtime, `npm start` runs the workspace server instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function runtimeInstalled(dir) {
  try {
    const exe = require('electron');
    return typeof exe === 'string' && existsSync(exe) && existsSync(path.join(dir, 'path.txt'));
  } catch {
    return false;
  }
}

/**
 * One short reason from the download's failure, e.g. "network unreachable (getaddrinfo ENOTFOUND
 * github.com)", instead of the last line of a stack trace.
 */
function failureReason(result) {
  if (result.error?.code === 'ETIMEDOUT') return 'the download timed out after 120 s';
  if (result.error) return result.error.message;
  if (result.signal) return `the download was stopped (${result.signal})`;
  const lines = (result.stderr?.toString() ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const text = lines.join('\n');
  const network =
    /(getaddrinfo \w+(?: [^\s:]+)?|connect E[A-Z]+[^\n]*|E(?:NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)\b[^\n]*)/.exec(
      text,
    );
  if (network) return `network unreachable (${network[1].trim().slice(0, 80)})`;
  const http = /Response code (\d{3})/i.exec(text);
  if (http) return `the download server answered HTTP ${http[1]}`;
  if (/checksum/i.test(text)) return 'the download did not match its checksum';
  if (/certificate|CERT_|self.signed/i.test(text)) return "the download server's certificate was not trusted";
  const first = lines.find((line) => /error/i.test(line)) ?? lines[0];
  return first ? first.replace(/^\w*Error:\s*/, '').slice(0, 120) : `the download failed (exit ${result.status})`;
}

function applyPatches() {
  let bin;
  try {
    bin = require.resolve('patch-package/index.js');
  } catch {
    console.warn('recoup: warning: patch-package is not installed (a production install?); pdfkit runs unpatched.');
    return;
  }
  const result = spawnSync(process.execPath, [bin], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status === 0) console.log('recoup: dependency patches applied (patches/).');
  else {
    console.error(result.stdout?.toString() ?? '', result.stderr?.toString() ?? '');
    console.error('recoup: error: the dependency patches in patches/ did not apply.');
    process.exit(1);
  }
}

applyPatches();

const dir = electronDir();
if (process.env.RECOUP_SKIP_ELECTRON_DOWNLOAD === '1') {
  console.log('recoup: RECOUP_SKIP_ELECTRON_DOWNLOAD=1, not fetching the Electron runtime.');
} else if (!dir) {
  // A production install without devDependencies: nothing to fetch.
} else if (runtimeInstalled(dir)) {
  console.log('recoup: Electron runtime already installed.');
} else {
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 120_000,
    env: { ...process.env },
  });
  if (result.status === 0 && runtimeInstalled(dir)) {
    console.log('recoup: Electron runtime installed. `npm start` opens the desktop app.');
    console.log(
      'recoup: note: the desktop app needs the SQLite driver built for Electron; run `npm run rebuild:electron` once (see docs/architecture.md).',
    );
  } else {
    const reason = result.status === 0 ? 'the download finished but the runtime is missing' : failureReason(result);
    console.warn(
      `recoup: warning: the Electron runtime could not be downloaded (${reason}). ` +
        'Everything else is installed; `npm start` will run the Recoup workspace server in your browser instead.',
    );
  }
}
process.exit(0);
