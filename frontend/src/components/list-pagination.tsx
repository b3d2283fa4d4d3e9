import { DataTablePages } from './data-table';

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

/** Page numbers under a list that is not a {@link DataTable} (the same pages DataTable shows). */
export function ListPagination({ label, ...pages }: ListPaginationProps) {
  return <DataTablePages {...pages} noun={label} />;
}
