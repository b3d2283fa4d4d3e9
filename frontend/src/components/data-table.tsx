import {
  Box,
  Card,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
  useMantineTheme,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CSSProperties, ReactElement, ReactNode } from 'react';
import { isValidElement, useId } from 'react';

import { EmptyList, LoadError } from './list-states';
import { PanelLoader } from './panel-loader';

/** One column of a {@link DataTable}. */
export interface DataTableColumn<T> {
  /** Stable key of the column. */
  key: string;
  /** The column's heading; on a card, the label before the value. */
  header: string;
  /** The cell of one row. */
  render: (row: T) => ReactNode;
  /** The API's `ordering` field for this column: the heading becomes a sort button. */
  sortField?: string;
  /**
   * On a card: `title` is the card's heading (one column per table), `hidden` is left out
   * (e.g. a detail already in the title). Every other column is a "label: value" line.
   */
  card?: 'title' | 'hidden';
  /** The heading is read by screen readers but not shown (e.g. a column of icons). */
  hiddenHeader?: boolean;
  /** Style of the column's cells on a wide screen (e.g. a maximum width). */
  cellStyle?: CSSProperties;
}

/** The server-side order of a list: the API's `ordering` value (`field` or `-field`). */
export interface DataTableSort {
  /** The current ordering; undefined for the API's default order. */
  value: string | undefined;
  /** A new ordering; null returns to the API's default order. */
  onChange: (ordering: string | null) => void;
}

/** The API's pages: `count` rows in all, `pageSize` on each page, `page` from 1. */
export interface DataTablePagination {
  page: number;
  pageSize: number;
  count: number;
  onChange: (page: number) => void;
}

export interface DataTableProps<T> {
  /** The table's accessible name and caption, e.g. "Doctors, pending approval". */
  label: string;
  /** What the rows are, for messages and the pages' name, e.g. "doctors". */
  noun: string;
  /** What could not be loaded, e.g. "your appointments"; "the <noun>" when not given. */
  what?: string;
  columns: DataTableColumn<T>[];
  rowKey: (row: T) => string | number;
  /** The rows of the current page; undefined while loading or after an error. */
  records: readonly T[] | undefined;
  loading: boolean;
  /** The query's error (null or undefined when none). */
  error?: unknown;
  /** Load the list again (a query's `refetch`); not offered for a 404. */
  onRetry?: () => unknown;
  /** What an empty list says, and the next step when there is one (or a whole empty state). */
  empty: { title: string; description?: ReactNode; action?: ReactNode } | ReactElement;
  /** The buttons of one row; each needs an accessible name that names the row. */
  rowActions?: (row: T) => ReactNode;
  sort?: DataTableSort;
  pagination?: DataTablePagination;
  /** Below this width (px) a wide table scrolls inside its box instead of squeezing. */
  minWidth?: number;
  /** Stripe the table's rows. */
  striped?: boolean;
  /** The heading level of each card's title, under the list's own heading (default 2). */
  cardHeadingOrder?: 2 | 3 | 4 | 5;
}

/** The media query under which lists are cards: below Mantine's `sm` breakpoint. */
export function useCardLayout(): boolean {
  const theme = useMantineTheme();
  return useMediaQuery(`(max-width: calc(${theme.breakpoints.sm} - 0.0625rem))`);
}

function sortState(sort: DataTableSort | undefined, field: string): 'ascending' | 'descending' | 'none' {
  if (sort?.value === field) return 'ascending';
  if (sort?.value === `-${field}`) return 'descending';
  return 'none';
}

/** Ascending, then descending, then the API's default order. */
function nextOrdering(sort: DataTableSort, field: string): string | null {
  const state = sortState(sort, field);
  if (state === 'none') return field;
  if (state === 'ascending') return `-${field}`;
  return null;
}

/** A small arrow for the heading's order: up, down, or both (not sorted by this column). */
function SortIcon({ state }: { state: 'ascending' | 'descending' | 'none' }) {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      {state !== 'descending' && (
        <path d="M5 1 9 5H1z" fill="currentColor" opacity={state === 'none' ? 0.4 : 1} />
      )}
      {state !== 'ascending' && (
        <path d="M5 11 1 7h8z" fill="currentColor" opacity={state === 'none' ? 0.4 : 1} />
      )}
    </svg>
  );
}

function SortHeader<T>({ column, sort }: { column: DataTableColumn<T>; sort: DataTableSort }) {
  const field = column.sortField ?? '';
  return (
    <UnstyledButton
      onClick={() => {
        sort.onChange(nextOrdering(sort, field));
      }}
      style={{ fontWeight: 'inherit', fontSize: 'inherit' }}
    >
      <Group gap={6} wrap="nowrap" component="span">
        <span>{column.header}</span>
        <SortIcon state={sortState(sort, field)} />
      </Group>
    </UnstyledButton>
  );
}

/** Page numbers under a paginated list; nothing when everything fits on one page. */
export function DataTablePages({
  count,
  page,
  pageSize,
  onChange,
  noun,
}: DataTablePagination & { noun: string }) {
  const total = Math.max(1, Math.ceil(count / pageSize));
  if (count <= pageSize && page === 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(count, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" component="nav" aria-label={`Pages of ${noun}`}>
      <Text size="sm" c="dimmed">
        {count === 0 || first > count ? 'Nothing to show' : `${first}–${last} of ${count}`}
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

function RowCard<T>({
  row,
  columns,
  rowActions,
  headingOrder,
}: {
  row: T;
  columns: DataTableColumn<T>[];
  rowActions?: (row: T) => ReactNode;
  headingOrder: 2 | 3 | 4 | 5;
}) {
  const titleId = useId();
  const title = columns.find((column) => column.card === 'title');
  const lines = columns.filter((column) => column.card === undefined);
  const actions = rowActions?.(row);
  return (
    <Card
      component="article"
      withBorder
      padding="sm"
      aria-labelledby={title === undefined ? undefined : titleId}
      style={{ overflowWrap: 'anywhere' }}
    >
      <Stack gap={6}>
        {title !== undefined && (
          <Title order={headingOrder} size="h5" fw={600} id={titleId}>
            {title.render(row)}
          </Title>
        )}
        <Box component="dl" m={0}>
          {lines.map((column) => (
            <Group key={column.key} gap="xs" wrap="nowrap" align="flex-start" py={2}>
              <Text component="dt" size="sm" c="dimmed" w="38%" style={{ flexShrink: 0 }}>
                {column.header}
              </Text>
              <Box component="dd" m={0} fz="sm" style={{ minWidth: 0, flex: 1 }}>
                {column.render(row)}
              </Box>
            </Group>
          ))}
        </Box>
        {actions !== null && actions !== undefined && actions !== false && (
          <Group gap="xs" wrap="wrap" pt={4}>
            {actions}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function SortSelect<T>({ columns, sort }: { columns: DataTableColumn<T>[]; sort: DataTableSort }) {
  const sortable = columns.filter((column) => column.sortField !== undefined);
  if (sortable.length === 0) return null;
  const options = [
    { value: '', label: 'Default order' },
    ...sortable.flatMap((column) => [
      { value: column.sortField ?? '', label: `${column.header}, ascending` },
      { value: `-${column.sortField ?? ''}`, label: `${column.header}, descending` },
    ]),
  ];
  return (
    <NativeSelect
      label="Sort by"
      size="sm"
      data={options}
      value={sort.value ?? ''}
      onChange={(event) => {
        const value = event.currentTarget.value;
        sort.onChange(value === '' ? null : value);
      }}
    />
  );
}

/**
 * One list of the API: a spinner while loading, the error with a way to try again, an empty
 * state, then the rows and their pages. A real table on a wide screen (sortable headings when the
 * API orders the list); below the `sm` breakpoint, one card per row with its actions in view.
 */
export function DataTable<T>({
  label,
  noun,
  what,
  columns,
  rowKey,
  records,
  loading,
  error,
  onRetry,
  empty,
  rowActions,
  sort,
  pagination,
  minWidth,
  striped = true,
  cardHeadingOrder = 2,
}: DataTableProps<T>) {
  const cards = useCardLayout();

  const subject = what ?? `the ${noun}`;
  if (loading) return <PanelLoader label={`Loading ${subject}…`} />;
  if (error !== null && error !== undefined) {
    return <LoadError what={subject} error={error} onRetry={onRetry} />;
  }
  const rows = records ?? [];
  const pages = pagination !== undefined && <DataTablePages {...pagination} noun={noun} />;
  if (rows.length === 0) {
    return (
      <Stack gap="md">
        {isValidElement(empty) ? (
          empty
        ) : (
          <EmptyList title={empty.title} description={empty.description} action={empty.action} />
        )}
        {pages}
      </Stack>
    );
  }

  if (cards) {
    return (
      <Stack gap="sm">
        {sort !== undefined && <SortSelect columns={columns} sort={sort} />}
        <Stack component="ul" aria-label={label} gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row) => (
            <li key={rowKey(row)}>
              <RowCard
                row={row}
                columns={columns}
                rowActions={rowActions}
                headingOrder={cardHeadingOrder}
              />
            </li>
          ))}
        </Stack>
        {pages}
      </Stack>
    );
  }

  const table = (
    <Table striped={striped} highlightOnHover verticalSpacing="sm">
      <VisuallyHidden component="caption">{label}</VisuallyHidden>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th
              key={column.key}
              scope="col"
              aria-sort={
                sort !== undefined && column.sortField !== undefined
                  ? sortState(sort, column.sortField)
                  : undefined
              }
            >
              {column.hiddenHeader === true ? (
                <VisuallyHidden>{column.header}</VisuallyHidden>
              ) : sort !== undefined && column.sortField !== undefined ? (
                <SortHeader column={column} sort={sort} />
              ) : (
                column.header
              )}
            </Table.Th>
          ))}
          {rowActions !== undefined && (
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((column) => (
              <Table.Td key={column.key} style={column.cellStyle}>
                {column.render(row)}
              </Table.Td>
            ))}
            {rowActions !== undefined && <Table.Td>{rowActions(row)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack gap="md">
      {minWidth === undefined ? (
        table
      ) : (
        // The scrolled area takes the focus, so keyboard users scroll it with the arrow keys.
        <Table.ScrollContainer
          minWidth={minWidth}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}
        >
          {table}
        </Table.ScrollContainer>
      )}
      {pages}
    </Stack>
  );
}

/** An `ordering` from the address when the API accepts it, else undefined (the default order). */
export function orderingFrom<Ordering extends string>(
  value: string,
  allowed: readonly Ordering[],
): Ordering | undefined {
  return allowed.find((ordering) => ordering === value);
}
