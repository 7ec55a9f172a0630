// What app://recoup/ serves from the built renderer: the page and its assets, the page for the
// workspace's own routes, nothing for unknown files, and a refusal for every way out of the folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell/csp';
import { appResponseHeaders, resolveAppRequest } from '../../../src/main/shell/protocol';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'recoup-protocol-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.js'), '');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.css'), '');
  writeFileSync(path.join(rendererDir, 'assets', 'inter.woff2'), '');
  writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '');
  writeFileSync(path.join(rendererDir, 'assets', 'tool.exe'), '');
  writeFileSync(path.join(rendererDir, '.secret.json'), '{}');
  // Outside the renderer folder: what a traversal would reach if it worked.
  writeFileSync(path.join(root, 'secret.txt'), 'PHI');
  writeFileSync(path.join(root, 'secret.js'), '');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const resolve = (url: string) => resolveAppRequest(rendererDir, url);
const indexHtml = () => ({
  kind: 'file',
  path: path.join(rendererDir, 'index.html'),
  mimeType: 'text/html; charset=utf-8',
});

describe('resolveAppRequest: the page and its assets', () => {
  it.each(['app://recoup/', 'app://recoup', 'app://recoup/index.html', 'app://recoup/index.html?x=1#y'])(
    '%s is index.html',
    (url) => {
      expect(resolve(url)).toEqual(indexHtml());
    },
  );

  it.each(['app://recoup/accounts', 'app://recoup/accounts/A1001', 'app://recoup/plans/', 'app://recoup/assets'])(
    'the workspace route %s is index.html (one-page app)',
    (url) => {
      expect(resolve(url)).toEqual(indexHtml());
    },
  );

  it.each([
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s', (file, mimeType) => {
    expect(resolve(`app://recoup/${file}?v=2`)).toEqual({
      kind: 'file',
      path: path.join(rendererDir, ...file.split('/')),
      mimeType,
    });
  });

  it('a missing asset is not found (not the page)', () => {
    expect(resolve('app://recoup/assets/missing.js')).toEqual({ kind: 'not_found' });
  });

  it('a file with an unknown extension is not found, even when it exists', () => {
    expect(resolve('app://recoup/assets/tool.exe')).toEqual({ kind: 'not_found' });
  });

  it('dotfiles are not served', () => {
    expect(resolve('app://recoup/.secret.json')).toEqual({ kind: 'not_found' });
  });

  it('without a built page, the page is not found', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'recoup-protocol-empty-'));
    try {
      expect(resolveAppRequest(empty, 'app://recoup/')).toEqual({ kind: 'not_found' });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('resolveAppRequest: traversal and other ways out are forbidden', () => {
  it.each([
    ['dot-dot', 'app://recoup/../secret.txt'],
    ['dot-dot after a folder', 'app://recoup/assets/../../secret.txt'],
    ['dot-dot inside the folder', 'app://recoup/assets/../index.html'],
    ['a dot segment', 'app://recoup/./index.html'],
    ['encoded dot-dot', 'app://recoup/%2e%2e/secret.txt'],
    ['encoded dot-dot, upper case', 'app://recoup/%2E%2E/secret.js'],
    ['half-encoded dot-dot', 'app://recoup/.%2e/secret.txt'],
    ['dot-dot with an encoded slash', 'app://recoup/..%2fsecret.txt'],
    ['fully encoded traversal', 'app://recoup/%2e%2e%2fsecret.txt'],
    ['an encoded backslash', 'app://recoup/..%5csecret.txt'],
    ['a raw backslash', 'app://recoup/..\\secret.txt'],
    ['a raw backslash inside a name', 'app://recoup/assets\\index-abc123.js'],
    ['an encoded absolute path', 'app://recoup/%2fetc%2fpasswd.txt'],
    ['a drive letter', 'app://recoup/C:/Windows/win.ini.txt'],
    ['an encoded drive letter', 'app://recoup/C%3a%5cWindows%5cwin.ini'],
    ['an encoded NUL', 'app://recoup/index.html%00.js'],
    ['a malformed escape', 'app://recoup/%E0%A4%A.js'],
  ])('%s: %s', (_what, url) => {
    expect(resolve(url)).toEqual({ kind: 'forbidden' });
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['user info naming the app host', 'app://recoup@evil/index.html'],
    ['user info on the app host', 'app://user@recoup/index.html'],
    ['a port', 'app://recoup:80/index.html'],
    ['another scheme', 'https://recoup/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['not a URL', 'index.html'],
  ])('%s: %s', (_what, url) => {
    expect(resolve(url)).toEqual({ kind: 'forbidden' });
  });

  it('a doubled slash stays inside the folder', () => {
    expect(resolve('app://recoup//secret.txt')).toEqual({ kind: 'not_found' });
    expect(resolve('app://recoup//etc/passwd')).toEqual(indexHtml());
  });
});

describe('appResponseHeaders', () => {
  it('carries the CSP, nosniff and the content type', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('has no content type for an empty answer', () => {
    expect(appResponseHeaders()['Content-Type']).toBeUndefined();
  });
});
