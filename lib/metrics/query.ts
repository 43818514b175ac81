import { IdSchema } from '../model/common';
import { z } from '../model/zod';
import { failure, type Result, succeed } from '../result';
import { canonicalTimeZone, daysBetween, isTimeZone, parseDate } from './time-zone';

const DateSchema = z.string().refine((d) => parseDate(d) !== null, 'a date as YYYY-MM-DD');

/**
 * What a manager asks of the metrics: a period of whole calendar days (both ends included) in a time
 * zone, narrowed to one client, one handoff type (template) or one person when given.
 */
export const MetricsQuerySchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    timeZone: z
      .string()
      .max(64)
      .default('UTC')
      .refine(isTimeZone, 'an IANA time zone such as Europe/London')
      .transform((tz) => canonicalTimeZone(tz) ?? tz),
    clientId: IdSchema.optional(),
    templateId: IdSchema.optional(),
    personId: IdSchema.optional(),
  })
  .refine((q) => parseDate(q.from) && parseDate(q.to) && daysBetween(q.from, q.to) >= 0, 'the period ends before it starts')
  .refine((q) => !parseDate(q.from) || !parseDate(q.to) || daysBetween(q.from, q.to) < 3660, 'a period of at most ten years');
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;
export type MetricsQueryInput = z.input<typeof MetricsQuerySchema>;

const PARAM_OF: Record<string, string> = { from: 'from', to: 'to', timeZone: 'tz', clientId: 'client', templateId: 'template', personId: 'person' };

/** A query from URL parameters (the hub's /v1/metrics, the dashboard's address), or why it is wrong. */
export function parseMetricsQuery(params: URLSearchParams | Record<string, string | undefined>): Result<MetricsQuery> {
  const get = (k: string) => (params instanceof URLSearchParams ? params.get(k) : params[k]) || undefined;
  const parsed = MetricsQuerySchema.safeParse({
    from: get('from'),
    to: get('to'),
    timeZone: get('tz'),
    clientId: get('client'),
    templateId: get('template'),
    personId: get('person'),
  });
  if (parsed.success) return succeed(parsed.data);
  const issue = parsed.error.issues[0];
  if (!issue) return failure('bad-request', 'invalid query');
  // Named as the caller wrote them: the URL's parameters, not the schema's fields.
  const param = PARAM_OF[String(issue.path[0])];
  // A parameter at fault is malformed; the query as a whole at fault (its period) breaks a rule.
  return param ? failure('bad-request', `${param}: ${issue.message}`, param) : failure('invalid', `query: ${issue.message}`);
}

/** The URL parameters for a query: what parseMetricsQuery reads back. */
export function metricsQueryParams(q: MetricsQueryInput): URLSearchParams {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.timeZone) params.set('tz', q.timeZone);
  if (q.clientId) params.set('client', q.clientId);
  if (q.templateId) params.set('template', q.templateId);
  if (q.personId) params.set('person', q.personId);
  return params;
}
