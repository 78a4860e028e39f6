// The seller's options, kept in storage; reminder thresholds also go to the host
// (a `settings` request carrying a config overlay in the host's key names, docs/CONFIG.md).
import { HostError } from '../lib/protocol.js';

export const DEFAULT_SETTINGS = {
  autoCapture: true,
  notifications: true,
  thresholds: { expectedReplyBusinessDays: 5, reopenWindowDays: 30, needsSellerAfterHours: 0, deadlineWarnDays: 3 },
};

const LIMITS = {
  expectedReplyBusinessDays: [1, 60],
  reopenWindowDays: [1, 365],
  needsSellerAfterHours: [0, 720],
  deadlineWarnDays: [0, 60],
};

/** Settings with defaults filled in and thresholds checked; throws on a bad value. */
export function normalizeSettings(input = {}) {
  const thresholds = { ...DEFAULT_SETTINGS.thresholds };
  for (const [key, value] of Object.entries(input.thresholds ?? {})) {
    if (!(key in LIMITS)) continue;
    const n = Number(value);
    const [min, max] = LIMITS[key];
    if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`${key} must be a whole number from ${min} to ${max}`);
    thresholds[key] = n;
  }
  return {
    autoCapture: input.autoCapture ?? DEFAULT_SETTINGS.autoCapture,
    notifications: input.notifications ?? DEFAULT_SETTINGS.notifications,
    thresholds,
  };
}

export function settingsRequest(settings) {
  const t = settings.thresholds;
  return {
    type: 'settings',
    config: {
      timing: { expectedReplyBusinessDays: t.expectedReplyBusinessDays, reopenWindowDays: t.reopenWindowDays },
      reminders: { needsSellerAfterHours: t.needsSellerAfterHours, deadlineWarnDays: t.deadlineWarnDays },
    },
  };
}

export class Settings {
  constructor(storage) {
    this.storage = storage;
  }

  async get() {
    const { settings } = await this.storage.get('settings');
    return normalizeSettings(settings);
  }

  /** Saves locally, then tells the host; an older host without `settings` is not an error. */
  async save(input, client) {
    const settings = normalizeSettings(input);
    await this.storage.set({ settings });
    if (!client.connected) return { settings, host: 'later', note: 'Saved. The host gets the thresholds when it connects.' };
    try {
      await client.request(settingsRequest(settings));
      return { settings, host: 'applied' };
    } catch (error) {
      if (error instanceof HostError && error.code === 'unknown_type') {
        return { settings, host: 'unsupported', note: 'Saved in the browser. This host takes its reminder thresholds from its config file (docs/CONFIG.md), not from the extension.' };
      }
      return { settings, host: 'error', note: `Saved in the browser; the host did not take the thresholds: ${error.message}` };
    }
  }
}
