import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';
import { page } from '@/test/workspace-fixtures';

function notification(id: number, text: string, read = false) {
  return {
    id,
    kind: 'APPOINTMENT_APPROVED' as const,
    text,
    link: '/patient/appointments',
    created_at: '2026-11-20T04:30:00Z',
    read_at: read ? '2026-11-20T05:00:00Z' : null,
  };
}

/** A patient's notifications on the server: the list, the unread filter, and marking read. */
function serveNotifications(rows: ReturnType<typeof notification>[]) {
  const marked: string[] = [];
  server.use(
    http.get('/api/v1/notifications/', ({ request, response }) => {
      const unread = new URL(request.url).searchParams.get('unread') === 'true';
      const shown = unread ? rows.filter((row) => row.read_at === null) : rows;
      return response(200).json(page(shown));
    }),
    http.post('/api/v1/notifications/{id}/read/', ({ params, response }) => {
      marked.push(params.id);
      const row = rows.find((item) => item.id === Number(params.id));
      if (row === undefined) return response(404).json({ code: 'NOT_FOUND', message: 'Not found.', fields: {} });
      row.read_at = '2026-11-21T05:00:00Z';
      return response(200).json(row);
    }),
    http.post('/api/v1/notifications/read-all/', ({ response }) => {
      const unread = rows.filter((row) => row.read_at === null);
      for (const row of unread) row.read_at = '2026-11-21T05:00:00Z';
      marked.push('all');
      return response(200).json({ marked: unread.length });
    }),
  );
  return marked;
}

describe('notifications', () => {
  it('shows the unread count on the bell in the header and opens the list from it', async () => {
    mockAuth.refreshCookieUser = users.patient;
    serveNotifications([
      notification(3, 'Your appointment is confirmed.'),
      notification(2, 'Reminder: your appointment is tomorrow.'),
      notification(1, 'An older one.', true),
    ]);
    const { user, router } = renderApp('/patient');

    const bell = await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    await user.click(bell);

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/patient/notifications');
    });
    expect(await screen.findByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
    const table = await screen.findByRole('table', { name: 'Notifications' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Unread ones carry a "New" badge and a button to mark them read.
    expect(rows.map((row) => within(row).queryByText('New') !== null)).toEqual([true, true, false]);
    expect(within(table).getAllByRole('button', { name: /^Mark read: / })).toHaveLength(2);
  });

  it('marks one read, then all read, and the bell follows', async () => {
    mockAuth.refreshCookieUser = users.patient;
    const marked = serveNotifications([
      notification(3, 'Your appointment is confirmed.'),
      notification(2, 'Reminder: your appointment is tomorrow.'),
    ]);
    const { user } = renderApp('/patient/notifications');

    const first = await screen.findByText('Your appointment is confirmed.');
    const card = first.closest('tr');
    expect(card).not.toBeNull();
    await user.click(
      within(card as HTMLElement).getByRole('button', {
        name: 'Mark read: Your appointment is confirmed.',
      }),
    );

    await screen.findByRole('link', { name: 'Notifications, 1 unread' });
    expect(marked).toEqual(['3']);

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));

    await screen.findByRole('link', { name: 'Notifications' });
    expect(marked).toEqual(['3', 'all']);
    expect(screen.queryByRole('button', { name: /^Mark read/ })).toBeNull();
  });

  it('saves e-mail preferences; security and account notices cannot be switched off', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    const sent: unknown[] = [];
    const preference = (kind: string, title: string, email: boolean, mandatory = false) => ({
      kind: kind as 'APPOINTMENT_REMINDER',
      title,
      email,
      mandatory,
    });
    const preferences = [
      preference('APPOINTMENT_REMINDER', 'Appointment reminder', true),
      preference('APPOINTMENT_CANCELLED', 'Appointment cancelled', false),
      preference('ACCOUNT_APPROVED', 'Account approved', true, true),
    ];
    server.use(
      http.get('/api/v1/notifications/preferences/', ({ response }) =>
        response(200).json({ preferences }),
      ),
      http.put('/api/v1/notifications/preferences/', async ({ request, response }) => {
        const body = await request.json();
        sent.push(body);
        return response(200).json({ preferences });
      }),
    );
    const { user } = renderApp('/doctor/notifications/preferences');

    const reminder = await screen.findByRole('checkbox', { name: 'Appointment reminder' });
    expect(reminder).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Appointment cancelled' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Account approved' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Account approved' })).toBeChecked();

    await user.click(reminder);
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));

    await waitFor(() => {
      expect(sent).toEqual([
        {
          preferences: [
            { kind: 'APPOINTMENT_CANCELLED', email: false },
            { kind: 'APPOINTMENT_REMINDER', email: false },
          ],
        },
      ]);
    });
  });

  it('stops one kind of e-mail from the link of an e-mail, without signing in', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post('/api/v1/notifications/unsubscribe/', async ({ request, response }) => {
        sent.push(await request.json());
        return response(200).json({ kind: 'APPOINTMENT_REMINDER', title: 'Appointment reminder' });
      }),
    );
    const { user } = renderApp('/notifications/unsubscribe?token=signed-token');

    await user.click(await screen.findByRole('button', { name: 'Stop these e-mails' }));

    expect(
      await screen.findByText(/You will no longer receive “Appointment reminder” e-mails/),
    ).toBeVisible();
    expect(sent).toEqual([{ token: 'signed-token' }]);
  });
});
