// scripts/rebuild-electron.mjs: the node-gyp recipe for Electron, the ABI check that decides
// whether `npm start` may open the desktop app, and the output folder away from node_modules.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface Runtime {
  installed: boolean;
  version?: string;
  dir?: string;
  executable?: string;
  reason?: string;
}

interface RebuildScript {
  appRoot: string;
  electronNativeBinding: string;
  electronRuntime(): Runtime;
  electronAbi(runtime: Runtime): string | null;
  addonHasAbi(file: string, abi: string): boolean;
  electronGypArgs(version: string, arch?: string): string[];
  nodeGypCommand(): { command: string; prefix: string[] };
}

const ROOT = path.resolve(__dirname, '../../..');
let script: RebuildScript;

beforeAll(async () => {
  script = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'rebuild-electron.mjs')).href)) as RebuildScript;
});

describe('electronGypArgs', () => {
  it("is Electron's manual-build recipe: its version, its headers, its own header cache", () => {
    const args = script.electronGypArgs('40.8.5', 'x64');
    expect(args.slice(0, 2)).toEqual(['rebuild', '--release']);
    expect(args).toContain('--target=40.8.5');
    expect(args).toContain('--arch=x64');
    expect(args).toContain('--dist-url=https://electronjs.org/headers');
    expect(args).toContain('--runtime=electron');
    expect(args.find((a) => a.startsWith('--devdir='))).toMatch(/\.electron-gyp$/);
  });
});

describe('addonHasAbi', () => {
  it("recognises the Node build of the driver as Node's ABI and not Electron's", () => {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const driverDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
    const nodeBuild = path.join(driverDir, 'build', 'Release', 'better_sqlite3.node');
    expect(script.addonHasAbi(nodeBuild, process.versions.modules)).toBe(true);
    expect(script.addonHasAbi(nodeBuild, '143')).toBe(false);
  });

  it('does not take a prefix of the ABI for the ABI', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recoup-abi-'));
    try {
      const file = path.join(dir, 'fake.node');
      writeFileSync(file, 'xx\0node_register_module_v143\0xx');
      expect(script.addonHasAbi(file, '143')).toBe(true);
      expect(script.addonHasAbi(file, '14')).toBe(false);
      writeFileSync(file, 'xx\0node_register_module_v1430\0xx');
      expect(script.addonHasAbi(file, '143')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('where the Electron build goes', () => {
  it('is build/electron-native, outside node_modules', () => {
    expect(script.appRoot).toBe(ROOT);
    expect(script.electronNativeBinding).toBe(path.join(ROOT, 'build', 'electron-native', 'better_sqlite3.node'));
    expect(script.electronNativeBinding).not.toContain('node_modules');
  });
});

describe('electronRuntime', () => {
  it('reports the electron package version, and a reason whenever the runtime is missing', () => {
    const runtime = script.electronRuntime();
    expect(runtime.version).toMatch(/^\d+\.\d+\.\d+/);
    if (!runtime.installed) expect(runtime.reason).toMatch(/Electron runtime is not installed/);
    else expect(runtime.executable).toBeTruthy();
  });

  it('knows the ABI Electron expects', () => {
    expect(script.electronAbi(script.electronRuntime())).toMatch(/^\d+$/);
  });
});

describe('nodeGypCommand', () => {
  it('finds a node-gyp to run', () => {
    const gyp = script.nodeGypCommand();
    expect(gyp.command).toBeTruthy();
  });
});
