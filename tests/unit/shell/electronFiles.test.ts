// The desktop app's document actions, with Electron's window and dialog replaced by recorders: the
// document window is sandboxed with no preload and loads the document's one-time app:// link; print
// goes to the system dialog; save writes where the clerk chose, or nothing when they cancel.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  documentWindowOptions,
  electronDesktopFiles,
  type DocumentWindow,
} from '../../../src/main/shell/electronFiles';
import type { FileHandle } from '../../../src/shared/schemas/files';
import { tempDir } from '../support';

const pdf: FileHandle = {
  fileId: 'abcdefghijklmnopqrstuv',
  fileName: 'receipt-R1.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 5,
};

function recorder() {
  const events: string[] = [];
  const window: DocumentWindow = {
    loadURL: async (url) => void events.push(`load ${url}`),
    show: () => void events.push('show'),
    close: () => void events.push('close'),
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
  });
});
