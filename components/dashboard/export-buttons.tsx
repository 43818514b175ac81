import { CSV_BOM, CSV_MIME } from '../../lib/export/csv';
import { failuresCsv, handoffsCsv } from '../../lib/export/metrics-csv';
import type { MetricFacts, Metrics, MetricsQuery } from '../../lib/metrics';
import { Button } from '../button';
import { downloadFile } from '../download';

/** The handoffs and failures behind the figures, as spreadsheets, for the filters chosen. */
export function ExportButtons({ facts, query, metrics, now }: { facts: MetricFacts; query: MetricsQuery; metrics: Metrics; now: number }) {
  const name = (what: string) => `baton-${what}-${query.from}-to-${query.to}.csv`;
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" onClick={() => downloadFile(name('handoffs'), CSV_BOM + handoffsCsv(facts, query, now), CSV_MIME)}>
        Export handoffs (CSV)
      </Button>
      <Button variant="secondary" onClick={() => downloadFile(name('failures'), CSV_BOM + failuresCsv(metrics.failures, metrics.currency), CSV_MIME)}>
        Export failures (CSV)
      </Button>
    </div>
  );
}
