import { useCallback, useEffect, useState } from 'react';
import { isPreset, presetDates } from './period';
import type { FilterValues } from './filters';

/** The filters live in the address, so a reload, a bookmark or a link from the popup shows the same view. */
function read(now: number, timeZone: string): FilterValues {
  const params = new URLSearchParams(location.search);
  const requested = params.get('period');
  const period = isPreset(requested) ? requested : params.get('from') && params.get('to') ? 'custom' : 'last-90';
  const dates = period === 'custom' ? { from: params.get('from') ?? '', to: params.get('to') ?? '' } : presetDates(period, now, timeZone);
  return { period, ...dates, clientId: params.get('client') ?? '', templateId: params.get('template') ?? '', personId: params.get('person') ?? '' };
}

function write(values: FilterValues): void {
  const params = new URLSearchParams({ period: values.period });
  if (values.period === 'custom') {
    params.set('from', values.from);
    params.set('to', values.to);
  }
  if (values.clientId) params.set('client', values.clientId);
  if (values.templateId) params.set('template', values.templateId);
  if (values.personId) params.set('person', values.personId);
  history.replaceState(null, '', `?${params.toString()}${location.hash}`);
}

export function useDashboardParams(now: number, timeZone: string): [FilterValues, (patch: Partial<FilterValues>) => void] {
  const [values, setValues] = useState(() => read(now, timeZone));
  useEffect(() => {
    const onPop = () => setValues(read(Date.now(), timeZone));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [timeZone]);
  const update = useCallback(
    (patch: Partial<FilterValues>) =>
      setValues((old) => {
        let next = { ...old, ...patch };
        if (patch.period && patch.period !== 'custom') next = { ...next, ...presetDates(patch.period, Date.now(), timeZone) };
        write(next);
        return next;
      }),
    [timeZone],
  );
  return [values, update];
}

/** `#review/<template id>`: the review page of one template; `#map`: the handoff map; anything else, the dashboard. */
export function useRoute(): { view: 'dashboard' } | { view: 'map' } | { view: 'review'; templateId: string } {
  const parse = () => {
    const m = /^#review\/([\w:.-]{1,100})$/.exec(location.hash);
    if (location.hash === '#map') return { view: 'map' as const };
    return m ? { view: 'review' as const, templateId: m[1]! } : { view: 'dashboard' as const };
  };
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onHash = () => setRoute(parse());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
