// `node out/main/server.js`: starts the workspace server (no Electron runtime needed) and prints
// one line with the address that opens the workspace. RECOUP_PORT chooses the port.
import path from 'node:path';
import { boot } from '../boot';
import { startWorkspaceServer } from './server';

async function main(): Promise<void> {
  const appRoot = path.resolve(__dirname, '../..');
  const { app, router } = boot({ appRoot });
  const portText = process.env.RECOUP_PORT;
  const port = portText ? Number(portText) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`recoup: RECOUP_PORT must be a port number; it is "${portText}".`);
    process.exit(2);
  }
  const server = await startWorkspaceServer({
    app,
    router,
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    port,
    log: (line) => console.error(line),
  });
  console.log(`Recoup workspace: ${server.url}`);
  if (process.env.RECOUP_WHY) console.log(`recoup: ${process.env.RECOUP_WHY}`);
  const stop = () => {
    app.shutdown();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`recoup: the workspace server could not start: ${(err as Error).message}`);
  process.exit(1);
});
