import type { Settings } from '../types';
import { calendarThresholdPolicy } from './policies';
import type { Policy } from './types';

/** The name of the household's own policy in every backtest table (sidebar and CLI). */
export const YOUR_POLICY = 'yours';

/**
 * The household's own rebalancing policy, read from Settings: review on its Schedule, and
 * between reviews when a class drifts more than Override Threshold of its target. One builder,
 * so the sidebar's "yours" row and `rebalance backtest <workbook>`'s are the same policy.
 */
export function yourPolicy(settings: Pick<Settings, 'schedule' | 'overrideThreshold'>): Policy {
  return {
    ...calendarThresholdPolicy(settings.schedule, settings.overrideThreshold, YOUR_POLICY),
    description: `Your policy: rebalance ${settings.schedule} (Settings Schedule), and between reviews when a class drifts more than ${settings.overrideThreshold.times(100).toFixed()}% of its target (Override Threshold).`,
  };
}
