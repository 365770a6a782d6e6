// The trend charts' axis labels, in the zone whose hours and days the stats answer counted in (not the browser's).

/** Formats a tick (an hour or a local day) as it reads in `timeZone`. */
export function trendTickFormat(lang: string, timeZone: string, per: 'hour' | 'day'): (d: Date) => string {
  const format = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone,
    ...(per === 'hour' ? { hour: '2-digit', minute: '2-digit' } : { day: '2-digit', month: '2-digit' }),
  });
  return (d) => format.format(d);
}
