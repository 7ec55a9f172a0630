// One running Recoup, composed: the app (store, clock, sessions) with every capability's extension
// points, and the router over every capability's handlers. Both ways of running (Electron and the
// workspace server) and the tests make theirs here.
import { RecoupApp, type AppConfig } from './app';
import { CAPABILITIES, HANDLERS } from './capabilities';
import { createRouter, type Router } from './ipc/router';
import { collectExtensions } from './platform/capability';

export function composeRecoup(
  config: Omit<AppConfig, 'extensions'>,
  log: (line: string) => void = (line) => console.error(line),
): { app: RecoupApp; router: Router } {
  const app = new RecoupApp({ ...config, log, extensions: collectExtensions(CAPABILITIES) });
  return { app, router: createRouter(app, HANDLERS, log) };
}
