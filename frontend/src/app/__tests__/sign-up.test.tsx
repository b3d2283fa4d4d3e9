import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { errorBody, hospital } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';

type User = ReturnType<typeof renderApp>['user'];

/** Put `text` into a field the way a person pasting it would (one input event, not per key). */
async function enter(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function fillAccount(user: User, username: string) {
  await enter(user, await screen.findByLabelText(/^First name/), 'Lata');
  await enter(user, screen.getByLabelText(/^Last name/), 'Menon');
  await enter(user, screen.getByLabelText(/^Username/), username);
  await enter(user, screen.getByLabelText(/^Password/), 'a-long-enough-secret');
}

describe('patient sign-up', () => {
  it('shows the server field errors next to the matching inputs', async () => {
    server.use(
      http.post('/api/v1/auth/signup/patient/', ({ response }) =>
        response(400).json(
          errorBody('VALIDATION_ERROR', 'Some fields are not valid.', {
            username: ['A user with that username already exists.'],
            mobile: ['Enter a valid mobile number.'],
            non_field_errors: ['Sign-ups are paused for maintenance.'],
          }),
        ),
      ),
    );
    const { user, router } = renderApp('/signup/patient');
    await fillAccount(user, 'lata');
    await enter(user, screen.getByLabelText(/^Mobile/), 'abc');
    await enter(user, screen.getByLabelText(/^Address/), '4 Lake Road');
    await enter(user, screen.getByLabelText(/^Symptoms/), 'Fever');

    await user.click(screen.getByRole('button', { name: 'Sign up as a patient' }));

    const username = screen.getByLabelText(/^Username/);
    expect(await screen.findByText('A user with that username already exists.')).toBeInTheDocument();
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription(
      'A user with that username already exists. For signing in; letters, digits and @ . + - _',
    );
    expect(screen.getByLabelText(/^Mobile/)).toHaveAccessibleDescription(
      'Enter a valid mobile number.',
    );
    expect(screen.getByLabelText(/^Address/)).not.toHaveAttribute('aria-invalid', 'true');
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Sign-up failed')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Some fields need attention. Please check the form.');
    expect(alert).toHaveTextContent('Sign-ups are paused for maintenance.');
    expect(router.state.location.pathname).toBe('/signup/patient');
  });

  it('sends the chosen preferred doctor and says the account awaits approval', async () => {
    let sent: unknown = null;
    server.use(
      http.post('/api/v1/auth/signup/patient/', async ({ request, response }) => {
        sent = await request.json();
        return response.untyped(new Response(null, { status: 201 }));
      }),
    );
    const { user, router } = renderApp('/signup/patient');
    await fillAccount(user, 'lata');
    await enter(user, screen.getByLabelText(/^Mobile/), '+91 98450 12345');
    await enter(user, screen.getByLabelText(/^Address/), '4 Lake Road');
    await enter(user, screen.getByLabelText(/^Symptoms/), 'Fever');
    await user.click(screen.getByRole('combobox', { name: /^Preferred doctor/ }));
    await user.click(await screen.findByRole('option', { name: 'Arjun Rao (Dermatologists)' }));

    await user.click(screen.getByRole('button', { name: 'Sign up as a patient' }));

    expect(
      await screen.findByRole('heading', { name: 'Thank you for signing up' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Your patient account is waiting for the hospital's approval. You can sign in once an administrator has approved it.",
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/signup/submitted');
    expect(sent).toEqual({
      first_name: 'Lata',
      last_name: 'Menon',
      username: 'lata',
      password: 'a-long-enough-secret',
      mobile: '+91 98450 12345',
      address: '4 Lake Road',
      symptoms: 'Fever',
      date_of_birth: null,
      preferred_doctor: 9,
    });
  });
});

describe('doctor sign-up', () => {
  it('offers the departments from the API and submits the department code', async () => {
    let sent: unknown = null;
    server.use(
      http.post('/api/v1/auth/signup/doctor/', async ({ request, response }) => {
        sent = await request.json();
        return response.untyped(new Response(null, { status: 201 }));
      }),
    );
    const { user } = renderApp('/signup/doctor');
    await fillAccount(user, 'drlata');
    await enter(user, screen.getByLabelText(/^Mobile/), '98450 12345');
    await enter(user, screen.getByLabelText(/^Address/), '4 Lake Road');
    await user.click(screen.getByRole('combobox', { name: /^Department/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Cardiologist', 'Dermatologists']);
    await user.click(screen.getByRole('option', { name: 'Dermatologists' }));

    await user.click(screen.getByRole('button', { name: 'Apply as a doctor' }));

    expect(
      await screen.findByText(
        "Your doctor account is waiting for the hospital's approval. You can sign in once an administrator has approved it.",
      ),
    ).toBeInTheDocument();
    expect(sent).toMatchObject({ username: 'drlata', department: 'DERMATOLOGISTS' });
  });

  it('asks for the department before sending anything', async () => {
    let calls = 0;
    server.use(
      http.post('/api/v1/auth/signup/doctor/', ({ response }) => {
        calls += 1;
        return response.untyped(new Response(null, { status: 201 }));
      }),
    );
    const { user } = renderApp('/signup/doctor');
    await fillAccount(user, 'drlata');
    await enter(user, screen.getByLabelText(/^Mobile/), '98450 12345');
    await enter(user, screen.getByLabelText(/^Address/), '4 Lake Road');

    await user.click(screen.getByRole('button', { name: 'Apply as a doctor' }));

    expect(await screen.findByText('Choose a department.')).toBeInTheDocument();
    expect(calls).toBe(0);
  });
});

describe('admin sign-up', () => {
  it('asks for the sign-up code when the policy is "code" and then goes to login', async () => {
    let sent: unknown = null;
    server.use(
      http.post('/api/v1/auth/signup/admin/', async ({ request, response }) => {
        sent = await request.json();
        return response.untyped(new Response(null, { status: 201 }));
      }),
    );
    const { user, router } = renderApp('/signup/admin');
    await fillAccount(user, 'lata');
    await enter(user, screen.getByLabelText(/^Sign-up code/), 'HOSPITAL-2026');

    await user.click(screen.getByRole('button', { name: 'Create admin account' }));

    expect(
      await screen.findByText('Your admin account is ready. Sign in to continue.'),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(sent).toEqual({
      first_name: 'Lata',
      last_name: 'Menon',
      username: 'lata',
      password: 'a-long-enough-secret',
      signup_code: 'HOSPITAL-2026',
    });
  });

  it('hides the sign-up code when the policy is "open"', async () => {
    server.use(
      http.get('/api/v1/hospital/', ({ response }) =>
        response(200).json({ ...hospital, admin_signup_policy: 'open' }),
      ),
    );
    renderApp('/signup/admin');

    expect(await screen.findByLabelText(/^First name/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Sign-up code/)).not.toBeInTheDocument();
  });

  it('says sign-up is closed when the policy is "closed"', async () => {
    server.use(
      http.get('/api/v1/hospital/', ({ response }) =>
        response(200).json({ ...hospital, admin_signup_policy: 'closed' }),
      ),
    );
    renderApp('/signup/admin');

    expect(await screen.findByText('Admin sign-up is closed')).toBeInTheDocument();
    expect(
      screen.getByText(
        'This hospital does not accept admin sign-ups. An existing administrator can create your account.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create admin account' })).not.toBeInTheDocument();
  });

  it('shows a wrong sign-up code next to the code field', async () => {
    server.use(
      http.post('/api/v1/auth/signup/admin/', ({ response }) =>
        response(403).json(
          errorBody('INVALID_SIGNUP_CODE', 'The admin sign-up code is not correct.'),
        ),
      ),
    );
    const { user, router } = renderApp('/signup/admin');
    await fillAccount(user, 'lata');
    await enter(user, screen.getByLabelText(/^Sign-up code/), 'guess');

    await user.click(screen.getByRole('button', { name: 'Create admin account' }));

    const code = screen.getByLabelText(/^Sign-up code/);
    await waitFor(() => {
      expect(code).toHaveAttribute('aria-invalid', 'true');
    });
    expect(code).toHaveAccessibleDescription(
      'The admin sign-up code is not correct. The code the hospital gave you for creating an admin account',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The admin sign-up code is not correct.');
    expect(router.state.location.pathname).toBe('/signup/admin');
  });

  it('asks for the sign-up code before sending anything', async () => {
    let calls = 0;
    server.use(
      http.post('/api/v1/auth/signup/admin/', ({ response }) => {
        calls += 1;
        return response.untyped(new Response(null, { status: 201 }));
      }),
    );
    const { user } = renderApp('/signup/admin');
    await fillAccount(user, 'lata');

    await user.click(screen.getByRole('button', { name: 'Create admin account' }));

    expect(await screen.findByText('Sign-up code is required.')).toBeInTheDocument();
    expect(calls).toBe(0);
  });
});
