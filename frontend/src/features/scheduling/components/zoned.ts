/** `YYYY-MM-DDTHH:MM:00+hh:mm`: a wall-clock time in `timeZone` as an ISO instant. */
export function zonedIso(date: string, clock: string, timeZone: string): string {
  const guess = new Date(`${date}T${clock}:00Z`);
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((item) => item.type === 'timeZoneName')?.value;
  // "GMT+05:30", or "GMT" for UTC itself.
  const offset = part === undefined || part === 'GMT' ? '+00:00' : part.replace('GMT', '');
  return `${date}T${clock}:00${offset}`;
}
