import { canonicalExceptions, baseTimes, type SeriesShape } from '../../crm/events/seriesExceptions.js';
import type { SeriesException } from '../../../../common/api/events.js';
import { dateOfDay, dayNumber, seriesDates } from '../../crm/events/seriesDates.js';
import { utcToLocal } from '../../../../common/time/wallClock.js';
import type { BatchRequest } from '../../graph/mailboxGraph.js';
import type { ContainerGraph, Page } from '../engine/containerGraph.js';
import type { CalendarWindow } from './calendarWindow.js';
import { fromGraphEvent } from './eventMapping.js';
import type { GraphEvent } from './graphEvent.js';

/** An occurrence or exception of a series as `/events/{id}/instances` returns it (with `originalStart`). */
export type GraphInstance = GraphEvent;

const INSTANCE_FIELDS =
  'id,type,originalStart,originalStartTimeZone,start,end,isAllDay,subject,body,location,changeKey';

/** The series' instances in the window (Graph leaves cancelled occurrences out), all pages. */
export async function listInstances(
  graph: ContainerGraph,
  masterId: string,
  window: CalendarWindow,
): Promise<GraphInstance[]> {
  const range = `startDateTime=${encodeURIComponent(window.start.toISOString())}&endDateTime=${encodeURIComponent(window.end.toISOString())}`;
  let url: string | undefined =
    `${graph.base}/events/${encodeURIComponent(masterId)}/instances?${range}&$select=${INSTANCE_FIELDS}`;
  const instances: GraphInstance[] = [];
  while (url) {
    const page: Page<GraphInstance> = await graph.graph.get<Page<GraphInstance>>(url, {
      Prefer: 'odata.maxpagesize=200, outlook.body-content-type="text"',
    });
    instances.push(...page.value);
    url = page['@odata.nextLink'];
  }
  return instances;
}

/**
 * The occurrence dates the sync judges: those the pattern places inside the window, a day in from each edge, so
 * that an occurrence Graph leaves out at an edge is never taken for a cancelled one.
 */
export function judgedDates(series: SeriesShape, window: CalendarWindow): string[] {
  if (!series.recurrence) return [];
  const first = dateOfDay(dayNumber(window.start.toISOString().slice(0, 10)) + 1);
  const last = dateOfDay(dayNumber(window.end.toISOString().slice(0, 10)) - 1);
  return seriesDates(series.recurrence, last, first);
}

/** The occurrence date (in the series' zone) an instance stands for; all-day ones too start at midnight there. */
function originalDate(series: SeriesShape, instance: GraphInstance): string | undefined {
  if (!instance.originalStart) return undefined;
  const utc =
    instance.originalStart.endsWith('Z') || /[+-]\d{2}:\d{2}$/.test(instance.originalStart)
      ? instance.originalStart
      : `${instance.originalStart}Z`;
  return utcToLocal(utc, series.timeZone).slice(0, 10);
}

/**
 * Instances by their occurrence date, or undefined when one of them falls on no date of the pattern: then the
 * series is not read the way Outlook means it, and taking its gaps for cancellations would cancel what is not.
 */
export function instancesByDate(
  series: SeriesShape,
  instances: GraphInstance[],
  window: CalendarWindow,
): Map<string, GraphInstance> | undefined {
  if (!series.recurrence) return undefined;
  const patternDates = new Set(
    seriesDates(
      series.recurrence,
      dateOfDay(dayNumber(window.end.toISOString().slice(0, 10)) + 1),
      dateOfDay(dayNumber(window.start.toISOString().slice(0, 10)) - 1),
    ),
  );
  const byDate = new Map<string, GraphInstance>();
  for (const instance of instances) {
    const date = originalDate(series, instance);
    if (!date || !patternDates.has(date)) return undefined;
    byDate.set(date, instance);
  }
  return byDate;
}

/** A series as Outlook has it in the window: the dates the sync judges and its instances by date; undefined when unreadable. */
export async function readSeries(
  graph: ContainerGraph,
  series: SeriesShape,
  masterId: string,
  window: CalendarWindow,
): Promise<{ dates: string[]; instances: Map<string, GraphInstance> } | undefined> {
  const instances = instancesByDate(series, await listInstances(graph, masterId, window), window);
  return instances ? { dates: judgedDates(series, window), instances } : undefined;
}

/** The exceptions Outlook has for the judged dates: occurrences it left out are cancelled, the others differ or not. */
export function exceptionsInOutlook(
  series: SeriesShape,
  instances: Map<string, GraphInstance>,
  dates: string[],
): SeriesException[] {
  const exceptions: SeriesException[] = [];
  for (const date of dates) {
    const instance = instances.get(date);
    if (!instance) {
      exceptions.push({ date, cancelled: true });
      continue;
    }
    // Read in the series' zone: a moved occurrence may name the zone it was moved in, which is not the series'.
    const content = fromGraphEvent({ ...instance, originalStartTimeZone: null }, series.timeZone);
    exceptions.push({
      date,
      subject: content.subject,
      description: content.description,
      location: content.location,
      start: content.start,
      end: content.end,
    });
  }
  return canonicalExceptions(series, exceptions);
}

export interface InstancePlan {
  requests: BatchRequest[];
  /** Dates the CRM has as occurrences (changed or not) that Outlook has cancelled: a cancellation cannot be undone through Graph. */
  cancelledInOutlook: string[];
}

/** The instance requests that give Outlook the CRM's exceptions for the judged dates. */
export function planInstanceWrites(
  graph: ContainerGraph,
  series: SeriesShape,
  wanted: SeriesException[],
  instances: Map<string, GraphInstance>,
  dates: string[],
): InstancePlan {
  const inOutlook = new Map(exceptionsInOutlook(series, instances, dates).map((e) => [e.date, e]));
  const inCrm = new Map(wanted.map((e) => [e.date, e]));
  const plan: InstancePlan = { requests: [], cancelledInOutlook: [] };
  for (const date of dates) {
    const want = inCrm.get(date);
    const have = inOutlook.get(date);
    const instance = instances.get(date);
    if (!instance) {
      if (!want?.cancelled) plan.cancelledInOutlook.push(date);
      continue;
    }
    const id = `occurrence-${date}`;
    if (want?.cancelled) {
      plan.requests.push(graph.deleteRequest(id, instance.id));
    } else if (JSON.stringify(want ?? null) !== JSON.stringify(have ?? null)) {
      plan.requests.push(graph.updateRequest(id, instance.id, occurrenceBody(series, want ?? { date })));
    }
  }
  return plan;
}

/** The whole occurrence as the CRM has it, so that values Outlook changed on its own are set back too. */
function occurrenceBody(series: SeriesShape, exception: SeriesException): Record<string, unknown> {
  const base = baseTimes(series, exception.date);
  return {
    subject: exception.subject ?? series.subject,
    body: { contentType: 'text', content: exception.description ?? series.description },
    location: { displayName: exception.location ?? series.location },
    start: { dateTime: exception.start ?? base.start, timeZone: series.timeZone },
    end: { dateTime: exception.end ?? base.end, timeZone: series.timeZone },
  };
}
