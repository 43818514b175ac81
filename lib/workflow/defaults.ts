// The values Baton assumes until someone says otherwise. Each lives here once: the schemas default to
// them, and the metrics fold (which reads a log whose records may lack them) falls back to the same.

/** Hours a receiver has to confirm when a template does not say (and a new template's starting value). */
export const DEFAULT_CONFIRM_BY_HOURS = 48;

/** Loaded cost of an hour of repair until the agency sets its own (DOMAIN.md's cost model). */
export const DEFAULT_HOURLY_RATE = 75;

/** The currency of that rate. */
export const DEFAULT_CURRENCY = 'USD';
