// Peak resident memory of one step of the benchmark (issue 18: no step may hold the whole data set;
// the run at one million guarantors stays under 2 GB). On Linux the kernel keeps the process's
// high-water mark (VmHWM); writing "5" to /proc/self/clear_refs resets it to the current resident
// size, so the mark read after the step is the step's own peak. Elsewhere the figure is null.
import { readFileSync, writeFileSync } from 'node:fs';

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The process's resident high-water mark in MB (VmHWM), or null where /proc has none. */
export function peakResidentMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Runs the step and answers its result with the peak resident memory (MB) reached during it. */
export async function measurePeak<T>(step: () => T | Promise<T>): Promise<{ value: T; peakMb: number | null }> {
  const reset = resetPeak();
  const value = await step();
  return { value, peakMb: reset ? peakResidentMb() : null };
}
