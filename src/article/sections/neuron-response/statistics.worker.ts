/**
 * The statistics worker: measures one model's activation statistics (measureActivationStatistics,
 * SPEC §7) off the main thread, so sampling 10^5 inputs never stalls the page.
 */
/// <reference lib="webworker" />
import { measureActivationStatistics } from '../../../model/analysis/activation-statistics';
import type { StatisticsEvent, StatisticsRequest } from './statistics-client';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (message: MessageEvent<StatisticsRequest>) => {
  const { id, weights, density, samples, seed } = message.data;
  let event: StatisticsEvent;
  try {
    event = { id, ok: true, statistics: measureActivationStatistics(weights, density, { samples, seed }) };
  } catch (error) {
    event = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(event);
};
