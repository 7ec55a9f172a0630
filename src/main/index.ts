// Electron bootstrap only: one instance, the app:// protocol, one secure window, the bridge, and
// nothing that could load remote content. Every decision (window options, allowed URLs, what the
// protocol serves, who may call the bridge) is a plain function in src/main/shell, unit-tested
// in Node; this file only wires them into Electron.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { Readable } from 'node:stream';
import type { RecoupApp } from './app';
import { boot } from './boot';
import { deliverFile, fileRequest, FILES_PATH } from './platform/fileDelivery';
import { electronDesktopFiles } from './shell/electronFiles';
import { registerElectronTransport } from './shell/electronTransport';
import { appResponseHeaders, resolveAppRequest } from './shell/protocol';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_SCHEME,
  devToolsWanted,
  navigationDecision,
  permissionDecision,
  secureWindowOptions,
  windowOpenDecision,
} from './shell/window';

// out/main/index.js -> the project root, the built renderer and preload beside this file.
const appRoot = path.resolve(__dirname, '../..');
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, '../preload/index.js');
// The SQLite driver built for Electron's ABI by `npm run rebuild:electron`; node_modules keeps
// the Node build for tests and the workspace server. database.ts passes this to the driver.
const electronNativeBinding = path.join(appRoot, 'build', 'electron-native', 'better_sqlite3.node');

let mainWindow: BrowserWindow | null = null;

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function applicationMenu(): Menu {
  const devMode = devToolsWanted(process.env, app.isPackaged);
  const view: MenuItemConstructorOptions[] = [
    ...(devMode ? [{ role: 'reload' as const }, { role: 'forceReload' as const }] : []),
    ...(devMode ? [{ role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
  ];
  return Menu.buildFromTemplate([
    { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }],
    },
    { label: 'View', submenu: view },
  ]);
}

/** Every web contents (the window, and anything that might ever be created) gets the same rules. */
function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (navigationDecision(event.url) === 'deny') event.preventDefault();
  });
  // app:// never redirects; a redirect can only be an attempt to leave the workspace.
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  ses.setDevicePermissionHandler(() => false);
  // The only downloads are documents by their one-time links (files:link, audited); nothing else.
  ses.on('will-download', (event, item) => {
    if (!item.getURL().startsWith(`${APP_SCHEME}://${APP_HOST}${FILES_PATH}`)) event.preventDefault();
  });
  // No remote content ever loads: the CSP forbids it and navigation is denied; this is the floor.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

function registerAppProtocol(recoup: RecoupApp): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: appResponseHeaders() });
    // A document by its one-time link (files:link / files:open / files:print), streamed decrypted.
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? fileRequest(url.pathname, url.searchParams) : null;
    if (file) {
      const delivery = deliverFile(recoup, file);
      if (!delivery.ok)
        return new Response(delivery.message, { status: delivery.status, headers: appResponseHeaders() });
      const body = request.method === 'HEAD' ? null : (Readable.toWeb(delivery.body()) as ReadableStream);
      return new Response(body, { status: 200, headers: delivery.headers });
    }
    const resolved = resolveAppRequest(rendererDir, request.url);
    if (resolved.kind === 'forbidden') return new Response(null, { status: 403, headers: appResponseHeaders() });
    if (resolved.kind === 'not_found') return new Response(null, { status: 404, headers: appResponseHeaders() });
    try {
      const body = await readFile(resolved.path);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: appResponseHeaders(resolved.mimeType),
      });
    } catch {
      return new Response(null, { status: 404, headers: appResponseHeaders() });
    }
  });
}

/**
 * Load the SQLite driver's addon now, so a driver built for Node's ABI instead of Electron's is a
 * clear message at start rather than an "internal" error at the first log-in. Returns the problem,
 * or null when the addon loads. (The driver itself loads the same file later, from the cache.)
 */
function nativeDriverProblem(): string | null {
  const load = createRequire(__filename);
  let binding = process.env.RECOUP_NATIVE_BINDING;
  try {
    binding ??= path.join(
      path.dirname(load.resolve('better-sqlite3-multiple-ciphers/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    load(binding);
    return null;
  } catch (err) {
    const message = (err as Error)?.message ?? String(err);
    return app.isPackaged
      ? `The database driver could not be loaded: ${message}`
      : `The database driver is not built for Electron (${binding ?? 'not found'}). ` +
          `Run \`npm run rebuild:electron\` once, then start Recoup again.\n\n${message}`;
  }
}

function start(): void {
  if (!process.env.RECOUP_NATIVE_BINDING && existsSync(electronNativeBinding))
    process.env.RECOUP_NATIVE_BINDING = electronNativeBinding;
  const driverProblem = nativeDriverProblem();
  if (driverProblem) {
    dialog.showErrorBox('Recoup could not start', driverProblem);
    app.exit(1);
    return;
  }

  let recoup: ReturnType<typeof boot>;
  try {
    recoup = boot({ appRoot, defaultDir: app.getPath('userData') });
  } catch (err) {
    dialog.showErrorBox('Recoup could not start', (err as Error)?.message ?? String(err));
    app.exit(1);
    return;
  }
  let shutDown = false;
  app.on('quit', () => {
    if (shutDown) return;
    shutDown = true;
    recoup.app.shutdown();
  });

  lockDownSession();
  registerAppProtocol(recoup.app);
  Menu.setApplicationMenu(applicationMenu());

  const win = new BrowserWindow(
    secureWindowOptions(preloadPath, { devTools: devToolsWanted(process.env, app.isPackaged) }),
  );
  mainWindow = win;
  recoup.app.desktop = electronDesktopFiles({
    createWindow: (options) => new BrowserWindow({ ...options, parent: win }),
    showSaveDialog: (options) => dialog.showSaveDialog(win, options),
  });
  const removeTransport = registerElectronTransport({
    ipcMain,
    contents: win.webContents,
    router: recoup.router,
    onEvent: (listener) => recoup.app.onEvent(listener),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    removeTransport();
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  // Another Recoup is running: it gets focus (second-instance below) and this one leaves.
  app.quit();
} else {
  // Before ready: app:// behaves like https (standard, secure origin, fetch) for the renderer.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.enableSandbox();
  app.on('second-instance', () => showMainWindow());
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
