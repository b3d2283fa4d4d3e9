import { notifications } from '@mantine/notifications';

import { errorMessage } from './api/errors';

/** Tell the user an action worked (green, closes by itself). */
export function notifySuccess(title: string, message: string): void {
  notifications.show({ color: 'green', title, message, autoClose: 6000 });
}

/** Tell the user an action failed, with the server's reason in readable words. */
export function notifyError(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 10000 });
}
