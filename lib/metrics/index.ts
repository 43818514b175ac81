export { collectFacts, FACTS_VERSION, MetricFacts, type FactsSnapshot, type FailureFact, type HandoffFact } from './facts';
export { computeMetrics, hoursToConfirm, matchesFailure, matchesHandoff, CATEGORY_LABELS, DAYS_PER_MONTH, type Breakdown, type FailureRow, type Metrics, type OpenHandoffRow, type PeriodTotals, type SeriesPoint } from './compute';
export { MetricsQuerySchema, metricsQueryParams, parseMetricsQuery, type MetricsQuery, type MetricsQueryInput } from './query';
export { templateReview, type FieldReview, type TemplateReview } from './review';
export { addDays, dateIn, startOfDay } from './time-zone';
export { computeFlows, FLOW_RISK_FORMULA, FREQUENCY_DAYS, type FlowRow, type Flows, type FlowsBy } from './flows';
