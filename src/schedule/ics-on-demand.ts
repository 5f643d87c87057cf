// The follow-up calendar with the `ics` package, which brings its own
// validator (yup), imported on the first calendar asked for rather than at
// start-up: about 3 MB of the idle server's RSS, for a download few visitors
// make. That first calendar takes about 50 ms longer (the import, on the
// 2-core dev machine); every one after it, nothing.
import type * as Ics from './ics.ts';

export async function scheduleCalendarFile(...args: Parameters<typeof Ics.scheduleCalendarFile>): Promise<ReturnType<typeof Ics.scheduleCalendarFile>> {
  return (await import('./ics.ts')).scheduleCalendarFile(...args);
}
