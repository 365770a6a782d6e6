// Observable Plot, imported on demand by the screens that draw with it (the wall's trends, the transparency
// panel): it stays out of every first bundle, citizen pages' included, and what does not need it shows at once.
import { useEffect, useState } from 'react';

export type PlotModule = typeof import('@observablehq/plot');

/** The Plot module once it has loaded; null until then (draw nothing yet). */
export function usePlot(): PlotModule | null {
  const [plot, setPlot] = useState<PlotModule | null>(null);
  useEffect(() => {
    let live = true;
    void import('@observablehq/plot').then((m) => live && setPlot(m));
    return () => {
      live = false;
    };
  }, []);
  return plot;
}
