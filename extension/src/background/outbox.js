// Captures waiting for the host, in storage (chrome.storage.local): an entry is written
// BEFORE the request is sent and removed only when the host acks it. Entries the host
// refused for good move to the failed list with the reason: kept, shown, never dropped.
// Each entry is its own storage key, so concurrent writers never overwrite each other.
const QUEUED = 'outbox:';
const FAILED = 'failed:';

export class Outbox {
  /** @param {{get: Function, set: Function, remove: Function}} storage  a StorageArea */
  constructor(storage, { now = () => Date.now() } = {}) {
    this.storage = storage;
    this.now = now;
    this.sequence = 0;
  }

  newKey(prefix) {
    const at = String(this.now()).padStart(15, '0');
    const seq = String(++this.sequence).padStart(6, '0');
    return `${prefix}${at}-${seq}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Stores a request (without id) and returns its entry. */
  async put(request) {
    const entry = { key: this.newKey(QUEUED), request, queuedAt: new Date(this.now()).toISOString(), attempts: 0, lastError: null };
    await this.storage.set({ [entry.key]: entry });
    return entry;
  }

  async remove(key) {
    await this.storage.remove(key);
  }

  async noteAttempt(entry, error) {
    const updated = { ...entry, attempts: entry.attempts + 1, lastError: error ?? null };
    const still = await this.storage.get(entry.key);
    if (still[entry.key]) await this.storage.set({ [entry.key]: updated });
    return updated;
  }

  /** Moves an entry the host refused for good to the failed list. */
  async fail(entry, error) {
    const failed = { ...entry, key: entry.key.replace(QUEUED, FAILED), failedAt: new Date(this.now()).toISOString(), error };
    await this.storage.set({ [failed.key]: failed });
    await this.storage.remove(entry.key);
    return failed;
  }

  /** Puts a failed entry back in the queue (the seller pressed Retry, or the host was updated). */
  async requeue(failedKey) {
    const found = (await this.storage.get(failedKey))[failedKey];
    if (!found) return null;
    const { failedAt, error, ...rest } = found;
    const entry = { ...rest, key: failedKey.replace(FAILED, QUEUED), lastError: error?.message ?? null };
    await this.storage.set({ [entry.key]: entry });
    await this.storage.remove(failedKey);
    return entry;
  }

  async list(prefix) {
    const all = await this.storage.get(null);
    return Object.keys(all)
      .filter((k) => k.startsWith(prefix))
      .sort()
      .map((k) => all[k]);
  }

  /** Queued entries, oldest first. */
  entries() {
    return this.list(QUEUED);
  }

  failed() {
    return this.list(FAILED);
  }

  async discardFailed(failedKey) {
    if (failedKey.startsWith(FAILED)) await this.storage.remove(failedKey);
  }
}
