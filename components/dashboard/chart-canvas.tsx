import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

let registered = false;

/** Only the parts of Chart.js the dashboard draws, registered on first use (tree-shaken otherwise). */
function registerParts(): void {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
  registered = true;
}

export interface ChartPalette {
  text: string;
  grid: string;
  series: readonly string[];
  bad: string;
}

const LIGHT: ChartPalette = { text: '#334155', grid: '#e2e8f0', series: ['#4f46e5', '#0891b2', '#059669', '#d97706'], bad: '#dc2626' };
const DARK: ChartPalette = { text: '#cbd5e1', grid: '#334155', series: ['#818cf8', '#22d3ee', '#34d399', '#fbbf24'], bad: '#f87171' };

export function chartPalette(): ChartPalette {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? DARK : LIGHT;
}

/**
 * One Chart.js chart on a canvas. The canvas is an image with a summary for its name; the figure
 * around it carries the numbers as a table. Redrawn in place when the configuration changes.
 */
export function ChartCanvas({ config, label, height = 260 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    registerParts();
    const element = canvas.current;
    if (!element) return;
    if (!chart.current) {
      chart.current = new Chart(element, config);
    } else {
      chart.current.data = config.data;
      if (config.options) chart.current.options = config.options;
      chart.current.update();
    }
    element.dataset.drawn = 'true';
  }, [config]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <div className="relative w-full" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
