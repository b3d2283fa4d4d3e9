import { Anchor, Box, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, Outlet } from 'react-router';

import { paths } from '@/config/paths';
import { useHospital } from '@/lib/hospital';

/** The frame of the public pages: the hospital's name above a card. */
export function AuthLayout() {
  const hospital = useHospital();
  return (
    <Box component="main" id="main" py={48} px="md" mih="100vh" bg="gray.0">
      <Container size={560} p={0}>
        <Stack gap="lg">
          <Stack gap={2} align="center">
            <Anchor component={Link} to={paths.home.getHref()} underline="never" c="inherit">
              <Text size="xl" fw={700}>
                {hospital.data?.name ?? 'HMS'}
              </Text>
            </Anchor>
            <Text size="sm" c="dimmed">
              Hospital Management System
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Outlet />
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}

/** A page title inside the auth card. */
export function AuthTitle({ children }: { children: string }) {
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
