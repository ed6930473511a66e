import type { Ticket } from '../schemas/queue.js';

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * An iCalendar file (RFC 5545) for a ticket: its slot, where to go and what to bring. The text
 * pieces (`title`, `bring`) come from the caller so the language stays out of the core.
 */
export function ticketIcs(ticket: Ticket, text: { title: string; bring: string; url?: string }): string {
  const start = new Date(ticket.slot.startsAt);
  const [eh, em] = ticket.slot.end.split(':').map(Number) as [number, number];
  const [sh, sm] = ticket.slot.start.split(':').map(Number) as [number, number];
  const end = new Date(start.getTime() + (eh * 60 + em - (sh * 60 + sm)) * 60_000);
  const description = [
    `${ticket.queueNumber} · ${ticket.code}`,
    `${text.bring}:`,
    ...ticket.requirements.map((r) => `- ${r}`),
    text.url ?? '',
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//mpp-kit//queue//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${ticket.code}@mpp-kit`,
    `DTSTAMP:${utc(new Date(ticket.createdAt))}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${esc(`${text.title} ${ticket.queueNumber}`)}`,
    `LOCATION:${esc(`${ticket.agencyName}, ${ticket.location}`)}`,
    `DESCRIPTION:${esc(description)}`,
    ...(text.url ? [`URL:${text.url}`] : []),
    'BEGIN:VALARM',
    'TRIGGER:-PT1H',
    'ACTION:DISPLAY',
    `DESCRIPTION:${esc(`${text.title} ${ticket.queueNumber}`)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  // Lines are folded at 75 octets as RFC 5545 asks (approximated by characters).
  return lines.map((l) => (l.length <= 75 ? l : l.match(/.{1,74}/g)!.join('\r\n '))).join('\r\n') + '\r\n';
}
