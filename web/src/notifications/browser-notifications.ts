// The browser's Notification API: permission is asked only from a user gesture (the button in
// Settings → Notifications), as browsers require; without it browser alerts are skipped.

export type BrowserPermission = NotificationPermission | 'unsupported';

export function browserPermission(): BrowserPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Call from a click handler. */
export async function askBrowserPermission(): Promise<BrowserPermission> {
  if (typeof Notification === 'undefined') {
    return 'unsupported';
  }
  return Notification.requestPermission();
}

export function showBrowserNotification(title: string, body: string, link: string | null, tag: string): void {
  if (browserPermission() !== 'granted') {
    return;
  }
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    if (link && window.location.pathname !== link) {
      window.location.assign(link);
    }
    notification.close();
  };
}
