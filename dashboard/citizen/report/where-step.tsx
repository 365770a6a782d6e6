// Screen 1: where. GPS (accuracy shown), a typed address, or a pin on a map that loads only when asked for.
import { lazy, Suspense, useState } from 'react';
import { useCitizenI18n } from '../strings.ts';
import { AddressSearch } from './address-search.tsx';
import type { AreaState, Place } from './place.ts';

const PinMap = lazy(() => import('./pin-map.tsx'));

export function WhereStep({
  place,
  area,
  onPlace,
}: {
  place: Place | null;
  area: AreaState;
  onPlace: (p: Place) => void;
}) {
  const { c } = useCitizenI18n();
  const [locating, setLocating] = useState(false);
  const [denied, setDenied] = useState(false);
  const [showMap, setShowMap] = useState(false);

  const locate = () => {
    if (!('geolocation' in navigator)) return setDenied(true);
    setLocating(true);
    setDenied(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onPlace({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy });
      },
      () => {
        setLocating(false);
        setDenied(true);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };

  return (
    <section aria-labelledby="where-h" className="step">
      <h2 id="where-h">{c('where.title')}</h2>
      <button type="button" className="big-btn" onClick={locate} disabled={locating} data-testid="use-location">
        {locating ? c('where.locating') : c('where.useLocation')}
      </button>
      {denied && (
        <p role="alert" className="warn-text">
          {c('where.denied')}
        </p>
      )}
      <AddressSearch onPlace={onPlace} />
      {showMap ? (
        <Suspense fallback={<div className="pin-map" aria-busy="true" />}>
          <p className="muted">{c('where.dragPin')}</p>
          <PinMap place={place} onPlace={onPlace} label={c('where.dragPin')} />
        </Suspense>
      ) : (
        <button type="button" className="link-btn" onClick={() => setShowMap(true)} data-testid="pick-on-map">
          {c('where.pickOnMap')}
        </button>
      )}
      <PlaceSummary place={place} area={area} />
    </section>
  );
}

function PlaceSummary({ place, area }: { place: Place | null; area: AreaState }) {
  const { c } = useCitizenI18n();
  if (!place) return null;
  return (
    <div className="place-card" role="status" data-testid="place-summary">
      {place.label && <div>{place.label}</div>}
      <div className="mono">
        {place.lat.toFixed(5)}, {place.lng.toFixed(5)}
        {place.accuracy != null && (
          <>
            {' '}
            · {c('where.accuracy')} ±{Math.round(place.accuracy)} m
          </>
        )}
      </div>
      <div>
        {c('where.commune')}:{' '}
        <strong data-testid="place-commune">
          {area === 'loading' ? '…' : area === 'unknown' ? '—' : area === null ? c('where.outside') : area.name}
        </strong>
      </div>
    </div>
  );
}
