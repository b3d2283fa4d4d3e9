import { Group, Pagination, Text } from '@mantine/core';

interface ListPaginationProps {
  /** Rows in the whole list (the API's `count`). */
  count: number;
  /** The current page, from 1. */
  page: number;
  pageSize: number;
  onChange: (page: number) => void;
  /** What the list holds, for the navigation's accessible name, e.g. "appointments". */
  label: string;
}

/** Page numbers under a paginated list; nothing when everything fits on one page. */
export function ListPagination({ count, page, pageSize, onChange, label }: ListPaginationProps) {
  const total = Math.max(1, Math.ceil(count / pageSize));
  if (count <= pageSize && page === 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(count, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" component="nav" aria-label={`Pages of ${label}`}>
      <Text size="sm" c="dimmed">
        {count === 0 ? 'Nothing to show' : `${first}–${last} of ${count}`}
      </Text>
      <Pagination
        total={total}
        value={Math.min(page, total)}
        onChange={onChange}
        size="sm"
        siblings={1}
        getControlProps={(control) => ({
          'aria-label': `${control.charAt(0).toUpperCase()}${control.slice(1)} page`,
        })}
        getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
      />
    </Group>
  );
}
