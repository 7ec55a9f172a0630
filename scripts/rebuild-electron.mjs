// `npm run rebuild:electron`: builds the SQLite driver (better-sqlite3-multiple-ciphers) for the
// installed Electron runtime's ABI into build/electron-native/better_sqlite3.node.
//
// npm builds the driver for Node's ABI, and tests and the workspace server need exactly that build,
// so it is left untouched in node_modules: the package is copied to a temporary folder and rebuilt
// there with node-gyp against Electron's headers (the manual route in Electron's "Native Node
// Modules" guide: --target=<electron version> --dist-url=https://electronjs.org/headers, headers
// cached in their own folder so they never mix with Node's). src/main/index.ts hands the result
// to the driver through RECOUP_NATIVE_BINDING.
//
// Also imported by scripts/start.mjs for the runtime and driver checks.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DRIVER_PACKAGE = 'better-sqlite3-multiple-ciphers';
export const electronNativeDir = path.join(appRoot, 'build', 'electron-native');
export const electronNativeBinding = path.join(electronNativeDir, 'better_sqlite3.node');
const buildInfoFile = path.join(electronNativeDir, 'build-info.json');
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/**
 * The Electron runtime as installed in node_modules: { installed, executable, version, reason }.
 * `require('electron')` is the executable's path when the runtime was downloaded, and throws
 * (or names a missing file) when it was not.
 */
export function electronRuntime() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { installed: false, reason: 'the electron package is not installed' };
  }
  const version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  let executable;
  try {
    executable = require('electron');
  } catch {
    return {
      installed: false,
      version,
      dir,
      reason: 'the Electron runtime is not installed (it could not be downloaded)',
    };
  }
  if (typeof executable !== 'string' || !existsSync(executable))
    return { installed: false, version, dir, reason: 'the Electron runtime is not installed (its files are missing)' };
  return { installed: true, version, dir, executable };
}

/** Electron's NODE_MODULE_VERSION: the package's abi_version file, else asked of the runtime. */
export function electronAbi(runtime) {
  const file = runtime.dir ? path.join(runtime.dir, 'abi_version') : null;
  if (file && existsSync(file)) {
    const abi = readFileSync(file, 'utf8').trim();
    if (/^\d+$/.test(abi)) return abi;
  }
  if (!runtime.installed) return null;
  const result = spawnSync(runtime.executable, ['-p', 'process.versions.modules'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const abi = (result.stdout ?? '').trim();
  return /^\d+$/.test(abi) ? abi : null;
}

/**
 * True when the addon file was compiled for this NODE_MODULE_VERSION: its init symbol is
 * node_register_module_v<ABI>, a NUL-terminated name in the symbol table of ELF, Mach-O and PE alike.
 */
export function addonHasAbi(file, abi) {
  return readFileSync(file).includes(Buffer.from(`node_register_module_v${abi}\0`));
}

/** The installed driver package's version. */
export function driverVersion() {
  return JSON.parse(readFileSync(require.resolve(`${DRIVER_PACKAGE}/package.json`), 'utf8')).version;
}

function readBuildInfo() {
  try {
    return JSON.parse(readFileSync(buildInfoFile, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Whether build/electron-native holds a driver for this runtime and this driver version:
 * { ok, reason }. The addon's init symbol names the ABI it was compiled for; without a known ABI,
 * the Electron version recorded at build time decides.
 */
export function electronNativeStatus(runtime) {
  if (!existsSync(electronNativeBinding))
    return { ok: false, reason: 'the SQLite driver has not been built for Electron yet' };
  const info = readBuildInfo();
  const installed = driverVersion();
  if (info && info.driver !== installed)
    return {
      ok: false,
      reason: `the Electron build of the SQLite driver is of version ${info.driver}, but ${installed} is installed`,
    };
  const abi = electronAbi(runtime);
  if (abi) {
    return addonHasAbi(electronNativeBinding, abi)
      ? { ok: true }
      : { ok: false, reason: `the SQLite driver in build/electron-native is not built for this Electron (ABI ${abi})` };
  }
  if (info && info.electron === runtime.version && info.arch === process.arch && info.platform === process.platform)
    return { ok: true };
  return {
    ok: false,
    reason: `the SQLite driver in build/electron-native was not built for Electron ${runtime.version}`,
  };
}

/**
 * How to run node-gyp: the copy npm names for its scripts (npm_config_node_gyp), else the one
 * bundled with npm (found from npm_execpath, or beside this Node), else node-gyp on PATH.
 */
export function nodeGypCommand() {
  const bundled = (npmDir) => path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const nodeDir = path.dirname(process.execPath);
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && bundled(path.join(path.dirname(process.env.npm_execpath), '..')),
    bundled(path.join(nodeDir, '..', 'lib', 'node_modules', 'npm')), // Unix: <prefix>/bin/node
    bundled(path.join(nodeDir, 'node_modules', 'npm')), // Windows: <dir>/node.exe
  ];
  for (const candidate of candidates) {
    if (candidate && candidate.endsWith('.js') && existsSync(candidate))
      return { command: process.execPath, prefix: [candidate] };
  }
  return { command: process.platform === 'win32' ? 'node-gyp.cmd' : 'node-gyp', prefix: [] };
}

/** The node-gyp arguments that build for Electron `version` (Electron's manual-build recipe). */
export function electronGypArgs(version, arch = process.arch) {
  return [
    'rebuild',
    '--release',
    `--target=${version}`,
    `--arch=${arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    '--runtime=electron',
    // Electron's headers in their own cache folder, never mixed with Node's of the same version.
    `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
  ];
}

/**
 * Copy the driver package (without its Node build) to a temporary folder, run node-gyp there with
 * `gypArgs`, and install build/Release/better_sqlite3.node as `outFile`. node_modules is not touched.
 */
export function buildDriverCopy({ gypArgs, outFile, log = console.log }) {
  const moduleDir = path.dirname(require.resolve(`${DRIVER_PACKAGE}/package.json`));
  const work = mkdtempSync(path.join(os.tmpdir(), 'recoup-electron-native-'));
  try {
    const copy = path.join(work, DRIVER_PACKAGE);
    cpSync(moduleDir, copy, {
      recursive: true,
      filter: (src) => path.relative(moduleDir, src).split(path.sep)[0] !== 'build',
    });
    const gyp = nodeGypCommand();
    log(`recoup: building ${DRIVER_PACKAGE} in ${copy}`);
    const result = spawnSync(gyp.command, [...gyp.prefix, ...gypArgs], {
      cwd: copy,
      stdio: 'inherit',
      env: { ...process.env },
    });
    if (result.error) throw new Error(`node-gyp could not be started: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`node-gyp failed (exit ${result.status ?? result.signal})`);
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`node-gyp finished but ${built} is missing`);
    mkdirSync(path.dirname(outFile), { recursive: true });
    const partial = `${outFile}.partial`;
    cpSync(built, partial);
    renameSync(partial, outFile);
    return outFile;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const runtime = electronRuntime();
  if (!runtime.installed) {
    console.error(
      `recoup: ${runtime.reason}, so there is nothing to build for. ` +
        'The workspace server (`npm start`) uses the Node build of the driver, which npm installed.',
    );
    process.exit(1);
  }
  const abi = electronAbi(runtime);
  console.log(`recoup: building the SQLite driver for Electron ${runtime.version} (ABI ${abi ?? 'unknown'})`);
  rmSync(buildInfoFile, { force: true });
  try {
    buildDriverCopy({ gypArgs: electronGypArgs(runtime.version), outFile: electronNativeBinding });
  } catch (err) {
    console.error(`recoup: the Electron build of the SQLite driver failed: ${err.message}`);
    console.error('recoup: it needs a C++ toolchain, Python and a download of Electron headers from electronjs.org.');
    process.exit(1);
  }
  if (abi && !addonHasAbi(electronNativeBinding, abi)) {
    rmSync(electronNativeBinding, { force: true });
    console.error(`recoup: the built driver is not for ABI ${abi}; it was removed. Check node-gyp's output above.`);
    process.exit(1);
  }
  writeFileSync(
    buildInfoFile,
    `${JSON.stringify(
      { electron: runtime.version, abi, arch: process.arch, platform: process.platform, driver: driverVersion() },
      null,
      2,
    )}\n`,
  );
  console.log(
    `recoup: done: ${path.relative(appRoot, electronNativeBinding)}. \`npm start\` now opens the desktop app.`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
