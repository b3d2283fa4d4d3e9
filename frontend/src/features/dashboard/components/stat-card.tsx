import { Anchor, Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface StatCardProps {
  title: string;
  value: ReactNode;
  detail: ReactNode;
  to: string;
  linkLabel: string;
}

/** One number that matters, what it means, and where to act on it. */
export function StatCard({ title, value, detail, to, linkLabel }: StatCardProps) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`stat-${to}`}>
      <Title order={2} size="h6" c="dimmed" fw={600} id={`stat-${to}`}>
        {title}
      </Title>
      <Text fz={30} fw={700} lh={1.25} mt={4}>
        {value}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {detail}
      </Text>
      <Anchor component={Link} to={to} size="sm" mt="auto">
        {linkLabel}
      </Anchor>
    </Card>
  );
}
