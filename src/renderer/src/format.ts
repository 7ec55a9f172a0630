// Screen formatting that src/shared/dates.ts does not cover: instants (audit times, log-ins,
// backups) shown in this workstation's time zone, and file sizes. Calendar dates use the shared
// helpers; the date part of an instant goes through them too.
import { businessDateOf, formatShortDate } from '../../shared/dates';

const timeOfDay = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** "2026-11-26T21:14:05.120Z" -> "11/26/2026 4:14:05 PM" (local time). */
export function formatInstant(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return `${formatShortDate(businessDateOf(instant))} ${timeOfDay.format(instant)}`;
}

/** 1536 -> "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "2075550142" -> "(207) 555-0142"; anything else as it is. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length !== 10) return phone;
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}
