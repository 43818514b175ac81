// Notification ids carry the handoff they are about, so a click (perhaps after the worker restarted)
// can open it without any state kept in memory.
const PREFIX = 'baton-handoff:';

export function handoffNotificationId(handoffId: string, reason: string): string {
  return `${PREFIX}${encodeURIComponent(handoffId)}:${encodeURIComponent(reason)}`;
}

export function handoffOfNotification(notificationId: string): string | null {
  if (!notificationId.startsWith(PREFIX)) return null;
  const [handoffId] = notificationId.slice(PREFIX.length).split(':');
  return handoffId ? decodeURIComponent(handoffId) : null;
}
