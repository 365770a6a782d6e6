// Active alerts on the citizen pages: where the person stands (/report, their chosen place) or where their
// report is (/track, its commune). Light on purpose: no map or geometry library in these chunks.
import { alertAtPoint } from './alert-geometry.ts';
import { AlertBanner } from './alert-banner.tsx';
import { useActiveAlerts } from './use-active-alerts.ts';
import './alerts.css';

export function CitizenAlerts(props: { point?: { lat: number; lng: number } | null; areaCode?: string | null }) {
  const alerts = useActiveAlerts();
  const { point, areaCode } = props;
  const here = alerts.filter(
    (a) => (point && alertAtPoint(a, point.lat, point.lng)) || (areaCode && a.areaCodes.includes(areaCode)),
  );
  return <AlertBanner alerts={here} inline />;
}
