// The desktop window's security posture: every webPreferences flag, which URLs the window may show
// (the app's own app://recoup/ pages and nothing else), no new windows, no permissions, and which
// frames may call the bridge.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  devToolsWanted,
  isAppUrl,
  navigationDecision,
  permissionDecision,
  secureWindowOptions,
  senderAllowed,
  windowOpenDecision,
} from '../../../src/main/shell/window';

describe('secureWindowOptions', () => {
  const options = secureWindowOptions('/app/out/preload/index.js');

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['plugins', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
  ] as const)('webPreferences.%s is %s', (flag, value) => {
    expect(options.webPreferences[flag]).toBe(value);
  });

  it('loads the given preload', () => {
    expect(options.webPreferences.preload).toBe('/app/out/preload/index.js');
  });

  it('has no developer tools unless asked for (development only)', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(secureWindowOptions('/p.js', { devTools: true }).webPreferences.devTools).toBe(true);
  });

  it('running unpackaged is not enough for developer tools: RECOUP_DEVTOOLS=1 must ask, and a packaged app never has them', () => {
    expect(devToolsWanted({}, false)).toBe(false);
    expect(devToolsWanted({ RECOUP_DEVTOOLS: 'yes' }, false)).toBe(false);
    expect(devToolsWanted({ RECOUP_DEVTOOLS: '1' }, false)).toBe(true);
    expect(devToolsWanted({ RECOUP_DEVTOOLS: '1' }, true)).toBe(false);
    // The bootstrap takes the decision from here for the window and the menu alike.
    const bootstrap = readFileSync(path.join(__dirname, '../../../src/main/index.ts'), 'utf8');
    expect(bootstrap).not.toMatch(/devTools: !app\.isPackaged/);
    expect(bootstrap).not.toMatch(/devMode = !app\.isPackaged/);
    expect(bootstrap.match(/devToolsWanted\(process\.env, app\.isPackaged\)/g)).toHaveLength(2);
  });

  it('is a 1366x768 window titled Recoup, at least 1100x700, hidden until ready to show', () => {
    expect(options).toMatchObject({
      title: 'Recoup',
      width: 1366,
      height: 768,
      minWidth: 1100,
      minHeight: 700,
      show: false,
    });
  });

  it('sets nothing else in webPreferences (a new flag is a deliberate, reviewed change)', () => {
    expect(Object.keys(options.webPreferences).sort()).toEqual(
      [
        'preload',
        'sandbox',
        'contextIsolation',
        'nodeIntegration',
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'webviewTag',
        'plugins',
        'webSecurity',
        'allowRunningInsecureContent',
        'experimentalFeatures',
        'spellcheck',
        'navigateOnDragDrop',
        'safeDialogs',
        'devTools',
      ].sort(),
    );
  });
});

describe('isAppUrl and navigationDecision', () => {
  it.each([
    APP_ENTRY_URL,
    'app://recoup/',
    'app://recoup',
    'app://recoup/accounts/A1001',
    'app://recoup/index.html?tab=plans#top',
  ])('allows the app page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(navigationDecision(url)).toBe('allow');
  });

  it.each([
    ['a remote site', 'https://evil.example'],
    ['a remote site with the app path', 'https://evil.example/index.html'],
    ['another app host', 'app://evil/'],
    ['user info naming the app host', 'app://recoup@evil/'],
    ['user and password', 'app://recoup:pw@evil/index.html'],
    ['a look-alike host', 'app://recoup.evil/'],
    ['a look-alike host prefix', 'app://evilrecoup/'],
    ['a port on the app host', 'app://recoup:8080/'],
    ['a local file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['a blob URL', 'blob:app://recoup/0b1c2d3e'],
    ['the loopback workspace server', 'http://127.0.0.1'],
    ['the loopback workspace server with a path', 'http://127.0.0.1:5173/index.html'],
    ['http with the app host', 'http://recoup/'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
  ])('denies %s (%s)', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(navigationDecision(url)).toBe('deny');
  });

  it('denies undefined and null', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('windowOpenDecision', () => {
  it('denies every new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('permissionDecision', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'unknown',
  ])('denies %s', (permission) => {
    expect(permissionDecision(permission)).toBe(false);
  });
});

describe('senderAllowed', () => {
  it('allows the app page', () => {
    expect(senderAllowed(APP_ENTRY_URL)).toBe(true);
    expect(senderAllowed('app://recoup/accounts')).toBe(true);
  });

  it.each([undefined, '', 'about:blank', 'https://evil.example/', 'app://evil/index.html', 'app://recoup@evil/'])(
    'refuses %s',
    (url) => {
      expect(senderAllowed(url)).toBe(false);
    },
  );
});
