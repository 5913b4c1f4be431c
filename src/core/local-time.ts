/**
 * A recorded moment (ISO 8601 with offset, as stored: UTC) shown as the clock in China reads it
 * (Asia/Shanghai), `YYYY-MM-DD HH:mm`, whatever time zone the machine is set to: the office, the
 * experts and the applicant all read the award's times in China time (src/core/dates.ts).
 */
const CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

export function formatLocalTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const part = Object.fromEntries(CHINA.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}
