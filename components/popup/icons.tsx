// Inline outline icons for the popup header's smaller buttons: at 360 px three labelled buttons and
// the title do not fit on one line, so these two show an icon and keep their names as labels.
const STROKE = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** Three sliders: settings. */
export function SettingsIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width={16} height={16} {...STROKE}>
      <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12" />
      <circle cx="16" cy="6" r="2" />
      <circle cx="10" cy="12" r="2" />
      <circle cx="18" cy="18" r="2" />
    </svg>
  );
}

/** A bar chart: the dashboard. */
export function ChartIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width={16} height={16} {...STROKE}>
      <path d="M4 20h16M7 16v-5M12 16V6M17 16v-8" />
    </svg>
  );
}
