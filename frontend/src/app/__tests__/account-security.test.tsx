import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { doctorRecord, signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody, users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';

const SESSIONS = {
  count: 2,
  next: null,
  previous: null,
  results: [
    {
      id: 11,
      device_label: 'Firefox on Windows',
      created_at: '2026-11-20T09:00:00+05:30',
      last_used_at: '2026-11-20T10:00:00+05:30',
      expires_at: '2026-11-27T09:00:00+05:30',
      current: true,
    },
    {
      id: 12,
      device_label: 'Safari on iPhone',
      created_at: '2026-11-18T09:00:00+05:30',
      last_used_at: '2026-11-19T08:00:00+05:30',
      expires_at: '2026-11-25T09:00:00+05:30',
      current: false,
    },
  ],
};

describe('two-step sign-in', () => {
  it('asks for the code after the password and signs in with it', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post('/api/v1/auth/token/', ({ response }) =>
        response(200).json({ mfa_required: true, mfa_token: 'challenge-1' }),
      ),
      http.post('/api/v1/auth/token/mfa/', async ({ request, response }) => {
        const body = await request.json();
        sent.push(body);
        if (body.code !== '492039') {
          return response(400).json(
            errorBody('MFA_CODE_INVALID', 'The code is not correct, has expired or was already used.'),
          );
        }
        mockAuth.refreshCookieUser = users.admin;
        return response(200).json({ access: mockAuth.issue(users.admin) });
      }),
    );
    const { user, router } = renderApp('/login');

    await user.type(await screen.findByLabelText(/^Username/), 'asha');
    await user.type(screen.getByLabelText(/^Password/), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = await screen.findByLabelText(/^Authentication code/);
    await user.type(code, '111111');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The code is not correct, has expired or was already used.')).toBeInTheDocument();
    await user.clear(code);
    await user.type(code, '492039');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('Welcome, Asha Nair')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin');
    expect(sent).toEqual([
      { mfa_token: 'challenge-1', code: '111111', use_cookie: true },
      { mfa_token: 'challenge-1', code: '492039', use_cookie: true },
    ]);
  });

  it('keeps a session that must enrol on the profile page until it has', async () => {
    server.use(
      http.post('/api/v1/auth/token/', ({ response }) => {
        mockAuth.refreshCookieUser = users.doctor;
        return response(200).json({
          access: mockAuth.issue(users.doctor),
          mfa_enrolment_required: true,
        });
      }),
      http.get('/api/v1/auth/mfa/status/', ({ response }) =>
        response(200).json({ enabled: false, required_for_role: true, recovery_codes_left: 0 }),
      ),
    );
    const { user, router } = renderApp('/login');

    await user.type(await screen.findByLabelText(/^Username/), 'drmeera');
    await user.type(screen.getByLabelText(/^Password/), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Turn on two-factor sign-in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/doctor/profile');
    expect(await screen.findByText('Required for your account')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Change password' })).not.toBeInTheDocument();
  });
});

describe('profile: where you are signed in and two-factor sign-in', () => {
  it('lists the sessions and signs out one device and every other device', async () => {
    signInAsAdmin();
    const revoked: string[] = [];
    server.use(
      http.get('/api/v1/auth/sessions/', ({ response }) => response(200).json(SESSIONS)),
      http.post('/api/v1/auth/sessions/{id}/revoke/', ({ params, response }) => {
        revoked.push(`one:${params.id}`);
        return response(204).empty();
      }),
      http.post('/api/v1/auth/sessions/revoke-others/', ({ response }) => {
        revoked.push('others');
        return response(200).json({ ended: 1 });
      }),
    );
    const { user } = renderApp('/admin/profile');

    const section = await screen.findByRole('region', { name: "Where you're signed in" });
    const rows = await within(section).findAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Device'),
      expect.stringContaining('Firefox on WindowsThis device'),
      expect.stringContaining('Safari on iPhone'),
    ]);
    await user.click(within(section).getByRole('button', { name: 'Sign out Safari on iPhone' }));
    await user.click(within(section).getByRole('button', { name: 'Sign out everywhere else' }));

    expect(await screen.findByText('One other device was signed out.')).toBeInTheDocument();
    expect(revoked).toEqual(['one:12', 'others']);
  });

  it('enrols with a QR code drawn in the page and shows the recovery codes once', async () => {
    signInAsAdmin();
    const codes = Array.from({ length: 10 }, (_, index) => `abcde-fgh${String(index).padStart(2, '0')}`);
    let confirmed: unknown = null;
    server.use(
      http.post('/api/v1/auth/mfa/enrol/', ({ response }) =>
        response(200).json({
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
          otpauth_uri:
            'otpauth://totp/HMS:asha?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=HMS',
        }),
      ),
      http.post('/api/v1/auth/mfa/confirm/', async ({ request, response }) => {
        confirmed = await request.json();
        return response(200).json({ recovery_codes: codes });
      }),
    );
    const { user } = renderApp('/admin/profile');

    await user.click(await screen.findByRole('button', { name: 'Turn on two-factor sign-in' }));
    const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByTestId('mfa-secret')).toHaveTextContent('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await user.type(screen.getByLabelText(/^Code from the app/), '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(codes);
    expect(confirmed).toEqual({ code: '123456' });
  });
});

describe('password reset pages', () => {
  it('asks for a link and always shows the same answer', async () => {
    let asked: unknown = null;
    server.use(
      http.post('/api/v1/auth/password/reset/', async ({ request, response }) => {
        asked = await request.json();
        return response(202).json({
          detail: 'If an approved account with an e-mail address matches, a password reset link is on its way.',
        });
      }),
    );
    const { user } = renderApp('/login');

    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    await user.type(await screen.findByLabelText(/^Username or e-mail/), 'asha@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(await screen.findByText(/a password reset link is on its way/)).toBeInTheDocument();
    expect(asked).toEqual({ login: 'asha@example.com' });
  });

  it('sets the new password with the link, and explains a used link', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post('/api/v1/auth/password/reset/confirm/', async ({ request, response }) => {
        sent.push(await request.json());
        if (sent.length > 1) {
          return response(400).json(
            errorBody('RESET_LINK_INVALID', 'This password reset link is not valid or has expired.'),
          );
        }
        return response(204).empty();
      }),
    );
    const first = renderApp('/reset-password?uid=MTI&token=abc-123');

    await first.user.type(await screen.findByLabelText(/^New password/), 'a-fresh-long-passphrase');
    await first.user.type(screen.getByLabelText(/^Repeat the new password/), 'a-fresh-long-passphrase');
    await first.user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(sent).toEqual([{ uid: 'MTI', token: 'abc-123', new_password: 'a-fresh-long-passphrase' }]);
    first.unmount();

    const again = renderApp('/reset-password?uid=MTI&token=abc-123');
    await again.user.type(await screen.findByLabelText(/^New password/), 'a-fresh-long-passphrase');
    await again.user.type(screen.getByLabelText(/^Repeat the new password/), 'a-fresh-long-passphrase');
    await again.user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('This link does not work')).toBeInTheDocument();
  });
});

describe("admin: a doctor's sign-in and security", () => {
  it('resets the password, signs the doctor out everywhere and resets two-factor sign-in', async () => {
    signInAsAdmin();
    const calls: string[] = [];
    server.use(
      http.get('/api/v1/doctors/{id}/', ({ response }) => response(200).json(doctorRecord())),
      http.post('/api/v1/doctors/{id}/set-password/', async ({ params, request, response }) => {
        calls.push(`password:${params.id}:${(await request.json()).password}`);
        return response(204).empty();
      }),
      http.post('/api/v1/doctors/{id}/sessions/revoke/', ({ params, response }) => {
        calls.push(`sessions:${params.id}`);
        return response(200).json({ ended: 3 });
      }),
      http.post('/api/v1/doctors/{id}/mfa/reset/', ({ params, response }) => {
        calls.push(`mfa:${params.id}`);
        return response(204).empty();
      }),
    );
    const { user } = renderApp('/admin/doctors/7');

    const section = await screen.findByRole('region', { name: 'Sign-in and security' });
    await user.click(within(section).getByRole('button', { name: 'Reset password' }));
    const passwordDialog = await screen.findByRole('dialog', { name: 'Reset the password of Meera Iyer' });
    await user.type(within(passwordDialog).getByLabelText(/^New password/), 'a-temporary-passphrase');
    await user.click(within(passwordDialog).getByRole('button', { name: 'Reset password' }));
    await waitFor(() => {
      expect(calls).toEqual(['password:7:a-temporary-passphrase']);
    });
    await user.click(within(section).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('Meera Iyer was signed out on 3 devices.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Reset two-factor sign-in' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset two-factor sign-in of Meera Iyer?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reset two-factor sign-in' }));

    await waitFor(() => {
      expect(calls).toEqual(['password:7:a-temporary-passphrase', 'sessions:7', 'mfa:7']);
    });
  });
});
