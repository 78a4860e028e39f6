// Due reminders: the badge shows how many are due; a `reminder` push from the host
// becomes a notification whose click opens the case in the history view.
const PREFIX = 'caselog-reminder|';

export function notificationId(reminder, stamp) {
  return `${PREFIX}${reminder.caseId}|${reminder.rule ?? ''}|${stamp}`;
}

export function caseIdOfNotification(id) {
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length).split('|')[0] : null;
}

export function badgeText(count) {
  if (!count) return '';
  return count > 99 ? '99+' : String(count);
}

export class Reminders {
  /**
   * @param {object} deps
   * @param {{request: Function}} deps.client
   * @param {{setBadgeText: Function, setBadgeBackgroundColor: Function}} deps.action
   * @param {{create: Function}} deps.notifications
   * @param {() => Promise<{notifications: boolean}>} deps.settings
   */
  constructor({ client, action, notifications, settings, iconUrl, now = () => Date.now() }) {
    Object.assign(this, { client, action, notifications, settings, iconUrl, now });
    this.due = [];
  }

  /** Asks the host what is due and updates the badge. */
  async refresh() {
    const answer = await this.client.request({ type: 'due' });
    this.due = Array.isArray(answer.reminders) ? answer.reminders : [];
    await this.showCount(Number.isInteger(answer.total) ? answer.total : this.due.length); // the list may be cut
    return this.due;
  }

  async showCount(count) {
    await this.action.setBadgeBackgroundColor({ color: '#b45309' });
    await this.action.setBadgeText({ text: badgeText(count) });
  }

  /** A `reminder` pushed by the host. */
  async onPush(reminder) {
    const { notifications } = await this.settings();
    if (notifications && reminder.caseId) {
      await this.notifications.create(notificationId(reminder, this.now()), {
        type: 'basic',
        iconUrl: this.iconUrl,
        title: `CaseLog · ${reminder.subject || `case ${reminder.caseId}`}`.slice(0, 120),
        message: reminder.message || reminder.rule || 'a reminder is due',
        priority: 1,
      });
    }
    await this.refresh().catch(() => this.showCount(this.due.length + 1));
  }
}
