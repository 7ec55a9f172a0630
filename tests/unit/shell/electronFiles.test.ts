// The desktop app's document actions, with Electron's window and dialog replaced by recorders: the
// document window is sandboxed with no preload and loads the document's one-time app:// link; print
// goes to the system dialog; save writes where the clerk chose, or nothing when they cancel.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  documentWindowOptions,
  electronDesktopFiles,
  type DocumentWindow,
} from '../../../src/main/shell/electronFiles';
import type { FileHandle } from '../../../src/shared/schemas/files';
import { importSmall } from '../accounts/fixtures';
import { setUpAndLogIn, tempDir, testApp, type TestApp } from '../support';

const pdf: FileHandle = {
  fileId: 'abcdefghijklmnopqrstuv',
  fileName: 'receipt-R1.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 5,
};

function recorder(options: { failLoad?: boolean } = {}) {
  const events: string[] = [];
  let closed = false;
  let onClosed = () => undefined as void;
  const window: DocumentWindow = {
    loadURL: async (url) => {
      events.push(`load ${url}`);
      if (options.failLoad) throw new Error('ERR_FAILED');
    },
    show: () => void events.push('show'),
    close: () => {
      events.push('close');
      closed = true;
      onClosed();
    },
    isDestroyed: () => closed,
    once: (_event, listener) => {
      onClosed = listener;
    },
    webContents: {
      print: (options, done) => {
        events.push(`print silent=${options.silent}`);
        done(true);
      },
    },
  };
  return { events, window };
}

describe('desktop document actions', () => {
  it('a document window is a sandboxed page without a preload, with the PDF viewer', () => {
    const o = documentWindowOptions(pdf, false);
    expect(o.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      plugins: true,
    });
    expect('preload' in o.webPreferences).toBe(false);
    expect(o.title).toBe('receipt-R1.pdf');
  });

  it('opens and prints from the one-time app:// link', async () => {
    const { events, window } = recorder();
    const desktop = electronDesktopFiles({
      createWindow: () => window,
      showSaveDialog: async () => ({ canceled: true }),
    });
    await desktop.open(pdf, '/files/abc?ticket=t1&disposition=inline');
    await desktop.print(pdf, '/files/abc?ticket=t2&disposition=inline');
    expect(events).toEqual([
      'load app://recoup/files/abc?ticket=t1&disposition=inline',
      'show',
      'load app://recoup/files/abc?ticket=t2&disposition=inline',
      'print silent=false',
      'close',
    ]);
  });

  it('closes every document window when the session locks or ends, and one whose load failed', async () => {
    const windows = [recorder(), recorder(), recorder({ failLoad: true })];
    let next = 0;
    const desktop = electronDesktopFiles({
      createWindow: () => windows[next++]!.window,
      showSaveDialog: async () => ({ canceled: true }),
    });
    await desktop.open(pdf, '/files/a?ticket=1&disposition=inline');
    await desktop.open(pdf, '/files/b?ticket=2&disposition=inline');
    await expect(desktop.open(pdf, '/files/c?ticket=3&disposition=inline')).rejects.toThrow('ERR_FAILED');
    expect(windows[2]!.events.at(-1)).toBe('close');
    desktop.closeAll();
    expect(windows.map((w) => w.events.at(-1))).toEqual(['close', 'close', 'close']);
  });

  it('saves where the clerk chose, or nothing when they cancel', async () => {
    const target = path.join(tempDir('recoup-save-'), 'chosen.pdf');
    const asked: unknown[] = [];
    let answer: { canceled: boolean; filePath?: string } = { canceled: true };
    const desktop = electronDesktopFiles({
      createWindow: () => recorder().window,
      showSaveDialog: async (options) => {
        asked.push(options);
        return answer;
      },
    });
    expect(await desktop.save(pdf, () => Readable.from([Buffer.from('%PDF-')]))).toBe(false);
    answer = { canceled: false, filePath: target };
    expect(await desktop.save(pdf, () => Readable.from([Buffer.from('%PDF-')]))).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-');
    expect(asked[0]).toMatchObject({ defaultPath: 'receipt-R1.pdf', filters: [{ extensions: ['pdf'] }] });
    // A copy that fails part-way leaves nothing where the clerk chose.
    const broken = new Readable({
      read() {
        this.push(Buffer.from('%PDF-'));
        this.destroy(new Error('the disk is full'));
      },
    });
    const partial = path.join(path.dirname(target), 'partial.pdf');
    answer = { canceled: false, filePath: partial };
    await expect(desktop.save(pdf, () => broken)).rejects.toThrow('the disk is full');
    expect(existsSync(partial)).toBe(false);
  });
});

describe('the app and the desktop’s document windows (HP-01)', () => {
  let t: TestApp;
  afterEach(() => t?.cleanup());

  it('closes them when the session is locked, locks itself when idle, or logs out', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    const { jane } = await importSmall(t);
    const opened: ReturnType<typeof recorder>[] = [];
    t.app.desktop = electronDesktopFiles({
      createWindow: () => {
        opened.push(recorder());
        return opened.at(-1)!.window;
      },
      showSaveDialog: async () => ({ canceled: true }),
    });
    const openLetter = async () => {
      const posted = await t.call(
        'payments:post',
        {
          guarantorId: jane,
          method: 'cash',
          reference: '',
          amountCents: 100,
          effectiveDate: '2026-11-26',
          confirmDuplicate: true,
          allocations: [],
        },
        admin,
      );
      await t.call('files:open', { fileId: posted.receipt!.fileId }, admin);
      return opened.at(-1)!;
    };
    const lastEvent = (w: ReturnType<typeof recorder>) => w.events.at(-1);

    const first = await openLetter();
    expect(lastEvent(first)).toBe('show');
    await t.call('auth:lock', {}, admin);
    expect(lastEvent(first)).toBe('close');

    await t.call('auth:unlock', { password: 'correct horse battery' }, admin);
    const second = await openLetter();
    t.clock.advanceMs(30 * 60_000); // idle past the lock policy, within the session's idle end
    expect(await t.raw('settings:get', {}, admin)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    expect(lastEvent(second)).toBe('close');

    await t.call('auth:unlock', { password: 'correct horse battery' }, admin);
    const third = await openLetter();
    await t.call('auth:logout', {}, admin);
    expect(lastEvent(third)).toBe('close');
  });
});
