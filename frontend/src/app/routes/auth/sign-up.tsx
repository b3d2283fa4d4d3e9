import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import { Link, Navigate, useNavigate, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { SignUpAdminForm } from '@/features/accounts/components/sign-up-admin-form';
import { SignUpDoctorForm } from '@/features/accounts/components/sign-up-doctor-form';
import { SignUpPatientForm } from '@/features/accounts/components/sign-up-patient-form';

import { AuthTitle } from '../../layouts/auth-layout';
import type { LoginNotice } from './login';
import type { SignUpSubmittedState } from './sign-up-submitted';

const KINDS = ['patient', 'doctor', 'admin'] as const;
type SignUpKind = (typeof KINDS)[number];

function isKind(value: string | undefined): value is SignUpKind {
  return KINDS.some((kind) => kind === value);
}

export function SignUpRoute() {
  const { kind } = useParams();
  const navigate = useNavigate();
  if (!isKind(kind)) return <Navigate to={paths.auth.signUp.getHref('patient')} replace />;

  const submitted = (role: 'patient' | 'doctor') => {
    const state: SignUpSubmittedState = { role };
    void navigate(paths.auth.signUpSubmitted.getHref(), { state });
  };
  const adminCreated = () => {
    const state: LoginNotice = { notice: 'admin-created' };
    void navigate(paths.auth.login.getHref(), { state });
  };

  return (
    <Stack gap="md">
      <AuthTitle>Create an account</AuthTitle>
      <Tabs
        value={kind}
        onChange={(value) => {
          if (value !== null && isKind(value)) void navigate(paths.auth.signUp.getHref(value));
        }}
        keepMounted={false}
      >
        <Tabs.List grow mb="md">
          <Tabs.Tab value="patient">Patient</Tabs.Tab>
          <Tabs.Tab value="doctor">Doctor</Tabs.Tab>
          <Tabs.Tab value="admin">Admin</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="patient">
          <SignUpPatientForm
            onSuccess={() => {
              submitted('patient');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="doctor">
          <SignUpDoctorForm
            onSuccess={() => {
              submitted('doctor');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="admin">
          <SignUpAdminForm onSuccess={adminCreated} />
        </Tabs.Panel>
      </Tabs>
      <Text size="sm" ta="center">
        Already have an account?{' '}
        <Anchor component={Link} to={paths.auth.login.getHref()}>
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}
