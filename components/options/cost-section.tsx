import { useEffect, useState } from 'react';
import { CostSettingsSchema } from '../../lib/messaging/cost-settings';
import { sendRequest } from '../../lib/messaging/send';
import { Section } from '../section';
import { inputClass, labelClass } from '../form-styles';
import { AdminSettingsForm } from './admin-settings-form';
import { liveError, useLive } from '../use-live';

/** The currencies agencies mostly bill in; a workspace set to another code still shows it. */
const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'INR', 'BRL', 'MXN', 'ZAR', 'SGD'] as const;

let currencyNames: Intl.DisplayNames | undefined;
/** "GBP – British Pound"; the bare code where the browser has no name for it. */
function currencyLabel(code: string): string {
  try {
    currencyNames ??= new Intl.DisplayNames(['en'], { type: 'currency' });
    const name = currencyNames.of(code);
    return name && name !== code ? `${code} – ${name}` : code;
  } catch {
    // A runtime without display names for currencies: the code alone still says which.
    return code;
  }
}

/** The loaded cost of an hour: what the dashboard prices the hours spent repairing failures at. */
export function CostSection({ isAdmin }: { isAdmin: boolean }) {
  const settings = useLive(() => sendRequest<'cost/get'>({ type: 'cost/get' }), { stores: ['workspace'] });
  const [rate, setRate] = useState('');
  const [currency, setCurrency] = useState('');
  const loaded = settings.status === 'ready' ? settings.data : undefined;

  useEffect(() => {
    if (!loaded) return;
    setRate(String(loaded.hourlyRate));
    setCurrency(loaded.currency);
  }, [loaded?.hourlyRate, loaded?.currency]);

  const saved = loaded?.currency;
  const currencies: readonly string[] = saved && !(COMMON_CURRENCIES as readonly string[]).includes(saved) ? [...COMMON_CURRENCIES, saved] : COMMON_CURRENCIES;

  return (
    <Section
      title="Cost of failures"
      description="The dashboard prices the hours spent repairing failures at this loaded hourly cost: salary plus overheads, per hour."
    >
      <AdminSettingsForm
        isAdmin={isAdmin}
        ready={loaded !== undefined}
        loadError={liveError(settings)}
        saveLabel="Save hourly cost"
        readOnlyNote="Only an admin can change the cost of an hour."
        noValidate
        save={() => {
          // The background checks the same schema where the message arrives; here it speaks without field names.
          const parsed = CostSettingsSchema.safeParse({ hourlyRate: rate.trim() === '' ? undefined : Number(rate), currency });
          if (!parsed.success) return { problem: parsed.error.issues.map((i) => i.message).join(' ') };
          return () => sendRequest<'cost/save'>({ type: 'cost/save', ...parsed.data });
        }}
      >
        <label className={labelClass}>
          Loaded hourly cost
          <input
            className={inputClass}
            type="number"
            inputMode="decimal"
            min={0}
            max={100_000}
            step={1}
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            aria-required="true"
            disabled={!isAdmin}
          />
        </label>
        <label className={labelClass}>
          Currency
          <select className={inputClass} value={currency} onChange={(e) => setCurrency(e.target.value)} disabled={!isAdmin}>
            {currency === '' ? <option value="" /> : null}
            {currencies.map((code) => (
              <option key={code} value={code}>
                {currencyLabel(code)}
              </option>
            ))}
          </select>
        </label>
      </AdminSettingsForm>
    </Section>
  );
}
