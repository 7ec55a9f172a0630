// What the import remembers of the rows it has read, in little memory: a million guarantors and a
// million and a half accounts are met in one extract, and fifteen million transactions. For a
// guarantor or account: its row id, the line and file it was first met on, and a fingerprint of
// what that line said (a repeat with other details is an error). For a transaction written: the
// line it came from, by its place in the batch's ledger entries (a repeat names that line).

/** A 53-bit fingerprint of a row's fields and values (two 32-bit lanes, after cyrb53). */
export function fingerprint(values: object): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (c: number) => {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  };
  const row = values as Record<string, string | number | null>;
  for (const key in row) {
    for (let i = 0; i < key.length; i++) mix(key.charCodeAt(i));
    const value = row[key];
    // A mark of the value's kind (never a character code), so "ab"+"c" differs from "a"+"bc" and
    // the number 1 from the text "1".
    if (value === null) mix(-1);
    else if (value === undefined) mix(-4);
    else if (typeof value === 'number') {
      mix(-2);
      mix(value | 0);
      mix(Math.floor(value / 4294967296) | 0);
    } else {
      mix(-3);
      for (let i = 0; i < value.length; i++) mix(value.charCodeAt(i));
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A copy of a string that shares no memory with the chunk of text it was cut from. */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Keys met (guarantor ids, account numbers), each with its row id, line, file and fingerprint. */
export class SeenRows {
  private readonly slots = new Map<string, number>();
  private ids = new Float64Array(1024);
  private prints = new Float64Array(1024);
  private lines = new Int32Array(1024);
  private files = new Uint16Array(1024);

  /** The slot of a key met before, or undefined. */
  slot(key: string): number | undefined {
    return this.slots.get(key);
  }

  id(slot: number): number {
    return this.ids[slot]!;
  }
  line(slot: number): number {
    return this.lines[slot]!;
  }
  file(slot: number): number {
    return this.files[slot]!;
  }
  fingerprint(slot: number): number {
    return this.prints[slot]!;
  }

  add(key: string, id: number, print: number, line: number, file: number): void {
    const slot = this.slots.size;
    if (slot === this.ids.length) {
      const grow = <T extends Float64Array | Int32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids, (n) => new Float64Array(n));
      this.prints = grow(this.prints, (n) => new Float64Array(n));
      this.lines = grow(this.lines, (n) => new Int32Array(n));
      this.files = grow(this.files, (n) => new Uint16Array(n));
    }
    this.slots.set(own(key), slot);
    this.ids[slot] = id;
    this.prints[slot] = print;
    this.lines[slot] = line;
    this.files[slot] = file;
  }
}

const PAGE = 1 << 20;

/** Line numbers by position (the n-th ledger entry the import wrote), in pages of a million. */
export class LineList {
  private readonly pages: Int32Array[] = [];

  set(index: number, line: number): void {
    const page = Math.floor(index / PAGE);
    while (this.pages.length <= page) this.pages.push(new Int32Array(PAGE));
    this.pages[page]![index % PAGE] = line;
  }

  get(index: number): number {
    return this.pages[Math.floor(index / PAGE)]?.[index % PAGE] ?? 0;
  }
}
