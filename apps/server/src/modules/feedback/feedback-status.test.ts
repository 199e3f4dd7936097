import { FEEDBACK_STATUSES, type FeedbackStatus } from '@pilotage/contracts';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS_IN,
  STATUS_EVENTS,
  allowedIn,
  clockPaused,
  clockStopped,
  nextStatus,
  type StatusEvent,
} from './feedback-status.ts';

/** The legal transitions, written out once more by hand: everything else must be refused. */
const LEGAL: Record<string, FeedbackStatus> = {
  'received accept': 'accepted',
  'accepted start': 'processing',
  'accepted request_info': 'info_requested',
  'processing request_info': 'info_requested',
  'info_requested reply': 'processing',
  'processing approve_answer': 'answered',
  'answered close': 'closed',
  'answered reopen': 'processing',
  'closed reopen': 'processing',
  'received reject': 'rejected',
  'accepted reject': 'rejected',
  'processing reject': 'rejected',
  'info_requested reject': 'rejected',
  'received merge': 'merged',
  'accepted merge': 'merged',
  'processing merge': 'merged',
  'info_requested merge': 'merged',
};

describe('feedback status machine', () => {
  it('allows exactly the legal transitions and refuses every other one', () => {
    let refused = 0;
    for (const from of FEEDBACK_STATUSES)
      for (const event of STATUS_EVENTS) {
        const expected = LEGAL[`${from} ${event}`] ?? null;
        expect(nextStatus(from, event), `${from} --${event}→`).toBe(expected);
        if (expected === null) refused++;
      }
    expect(refused).toBe(FEEDBACK_STATUSES.length * STATUS_EVENTS.length - Object.keys(LEGAL).length);
  });

  it('has no way out of rejected or merged, and none back to received', () => {
    for (const event of STATUS_EVENTS as readonly StatusEvent[]) {
      expect(nextStatus('rejected', event)).toBeNull();
      expect(nextStatus('merged', event)).toBeNull();
      for (const from of FEEDBACK_STATUSES) expect(nextStatus(from, event)).not.toBe('received');
    }
  });

  it('allows status-keeping actions only where listed', () => {
    expect(allowedIn('save_answer', 'processing')).toBe(true);
    expect(allowedIn('save_answer', 'received')).toBe(false);
    expect(allowedIn('transfer', 'answered')).toBe(false);
    expect(allowedIn('transfer', 'closed')).toBe(false);
    expect(allowedIn('contribute', 'rejected')).toBe(false);
    for (const [action, statuses] of Object.entries(ACTIONS_IN))
      for (const s of FEEDBACK_STATUSES)
        expect(allowedIn(action as keyof typeof ACTIONS_IN, s)).toBe(
          (statuses as readonly string[]).includes(s),
        );
  });

  it('stops the clock once answered and pauses it while information is awaited', () => {
    expect(clockStopped('answered')).toBe(true);
    expect(clockStopped('processing')).toBe(false);
    expect(clockPaused('info_requested')).toBe(true);
    expect(clockPaused('processing')).toBe(false);
  });
});
