// The desktop window's security posture, as plain decisions the Electron bootstrap applies: the
// window options, which URLs the window may show, and who may call the bridge. No electron import
// (the lint boundary allows it only in index.ts and electron*.ts), so every decision is
// unit-tested in plain Node; index.ts passes these options to BrowserWindow, which typechecks them
// against Electron's BrowserWindowConstructorOptions.

/** The custom scheme and host the renderer is served from (src/main/shell/protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'recoup';
/** The page the window opens. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Developer tools (and the menu's Reload and Toggle Developer Tools) only when asked for by name:
 * RECOUP_DEVTOOLS=1 in the environment of an unpackaged app. Running unpackaged is not enough:
 * `npm start` on a clerk's workstation is unpackaged, and developer tools read the workspace's
 * memory (what every screen holds, even under the lock screen). A packaged app never has them.
 */
export function devToolsWanted(env: NodeJS.ProcessEnv, isPackaged: boolean): boolean {
  return !isPackaged && env.RECOUP_DEVTOOLS === '1';
}

/** The subset of Electron's BrowserWindowConstructorOptions Recoup sets. */
export interface SecureWindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    sandbox: boolean;
    contextIsolation: boolean;
    nodeIntegration: boolean;
    nodeIntegrationInWorker: boolean;
    nodeIntegrationInSubFrames: boolean;
    webviewTag: boolean;
    plugins: boolean;
    webSecurity: boolean;
    allowRunningInsecureContent: boolean;
    experimentalFeatures: boolean;
    spellcheck: boolean;
    navigateOnDragDrop: boolean;
    safeDialogs: boolean;
    devTools: boolean;
  };
}

export function secureWindowOptions(preloadPath: string, options: { devTools?: boolean } = {}): SecureWindowOptions {
  return {
    title: 'Recoup',
    width: 1366,
    height: 768,
    minWidth: 1100,
    minHeight: 700,
    // Shown on 'ready-to-show', so the clerk never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      // The renderer is a plain web page: no Node, no Electron, in any frame or worker.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      // No plugins: documents open in a document window of their own (shell/electronFiles.ts),
      // which has Chromium's PDF viewer; the workspace itself embeds none.
      plugins: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Spell-check would send typed text (patient names) to a dictionary service on some systems.
      spellcheck: false,
      // A file dropped on the window must never replace the workspace.
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: options.devTools === true,
    },
  };
}

/**
 * True only for the app's own pages: `app://recoup/...`, with no user name, password or port.
 * Everything else (other hosts, http(s), file, data, javascript, about, blob) is not the app.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    (parsed.pathname === '' || parsed.pathname.startsWith('/'))
  );
}

export type NavigationDecision = 'allow' | 'deny';

/** The window may move between its own pages and nowhere else: no remote content ever loads. */
export function navigationDecision(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/** No new windows, ever (links with target=_blank, window.open). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, microphone, notifications, geolocation, clipboard-read ...: the workspace needs none. */
export function permissionDecision(_permission: string): false {
  return false;
}

/** A bridge call is accepted only from a frame showing the app's own page. */
export function senderAllowed(frameUrl: string | undefined): boolean {
  return isAppUrl(frameUrl);
}
