import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons on the right of the title. */
  actions?: ReactNode;
  /** A link up to the list the page belongs to. */
  back?: { to: string; label: string };
  /** Extra content next to the title, e.g. a status badge. */
  badge?: ReactNode;
}

/**
 * The page's one h1 and its actions. The browser tab's title comes from the route table
 * (`config/paths.ts`), never from the record on screen.
 */
export function PageHeader({ title, description, actions, back, badge }: PageHeaderProps) {
  return (
    <Stack gap={4} mb="lg">
      {back !== undefined && (
        <Anchor component={Link} to={back.to} size="sm">
          ← {back.label}
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="center">
          <Title order={1}>{title}</Title>
          {badge}
        </Group>
        {actions !== undefined && <Group gap="sm">{actions}</Group>}
      </Group>
      {description !== undefined && <Text c="dimmed">{description}</Text>}
    </Stack>
  );
}
