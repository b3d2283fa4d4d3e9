import { Button, MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api/errors';

import { DataTable } from './data-table';

interface Doctor {
  id: number;
  name: string;
  department: string;
}

const DOCTORS: Doctor[] = [
  { id: 1, name: 'Dr. Jane Doe', department: 'Cardiology' },
  { id: 2, name: 'Dr. Arjun Nair', department: 'Dermatology' },
];

type Props = ComponentProps<typeof DataTable<Doctor>>;

function renderTable(props: Partial<Props> = {}) {
  const user = userEvent.setup({ delay: null });
  const view = render(
    <MantineProvider>
      <DataTable<Doctor>
        label="Doctors, pending approval"
        noun="doctors"
        loading={false}
        records={DOCTORS}
        rowKey={(doctor) => doctor.id}
        empty={{ title: 'No doctor is waiting for approval.' }}
        columns={[
          {
            key: 'name',
            header: 'Name',
            card: 'title',
            sortField: 'name',
            render: (doctor) => doctor.name,
          },
          {
            key: 'department',
            header: 'Department',
            sortField: 'department',
            render: (doctor) => doctor.department,
          },
        ]}
        rowActions={(doctor) => <Button aria-label={`Approve ${doctor.name}`}>Approve</Button>}
        {...props}
      />
    </MantineProvider>,
  );
  return { ...view, user };
}

/** jsdom has no layout: answer the card layout's media query as a 390 px wide phone would. */
function atPhoneWidth() {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: query.includes('max-width'),
        media: query,
        onchange: null,
        addEventListener: vi.fn(),
        removeEventListener: vi.fn(),
        dispatchEvent: vi.fn(),
      }) as unknown as MediaQueryList,
  );
}

describe('DataTable', () => {
  it('shows a spinner while loading', () => {
    renderTable({ loading: true, records: undefined });
    expect(screen.getByRole('status')).toBeInTheDocument();
    expect(screen.getByLabelText('Loading the doctors…')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows an error with a way to try again', async () => {
    const onRetry = vi.fn();
    const { user } = renderTable({
      records: undefined,
      error: new ApiError(500, { code: 'SERVER_ERROR', message: 'Boom.' }),
      onRetry,
    });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Could not load the doctors')).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('offers no "Try again" for a record that does not exist (404)', () => {
    renderTable({
      records: undefined,
      error: new ApiError(404, { code: 'NOT_FOUND', message: 'Not found.' }),
      onRetry: vi.fn(),
    });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('This record was not found. It may have been removed.')).toBeInTheDocument();
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it('says when the list is empty', () => {
    renderTable({ records: [] });
    expect(screen.getByText('No doctor is waiting for approval.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders a captioned table with a row per record and named row actions', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Doctors, pending approval' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'NameDepartmentActions',
      'Dr. Jane DoeCardiologyApprove',
      'Dr. Arjun NairDermatologyApprove',
    ]);
    expect(within(rows[1]!).getByRole('button')).toHaveAccessibleName(
      'Approve Dr. Jane Doe',
    );
  });

  it('sorts on the server: ascending, descending, then the default order', async () => {
    const onChange = vi.fn();
    const { user, rerender } = renderTable({ sort: { value: undefined, onChange } });
    const header = screen.getByRole('columnheader', { name: 'Name' });
    expect(header).toHaveAttribute('aria-sort', 'none');
    await user.click(within(header).getByRole('button', { name: 'Name' }));
    expect(onChange).toHaveBeenLastCalledWith('name');

    rerender(
      <MantineProvider>
        <DataTable<Doctor>
          label="Doctors"
          noun="doctors"
          loading={false}
          records={DOCTORS}
          rowKey={(doctor) => doctor.id}
          empty={{ title: 'None' }}
          columns={[
            { key: 'name', header: 'Name', sortField: 'name', render: (doctor) => doctor.name },
          ]}
          sort={{ value: 'name', onChange }}
        />
      </MantineProvider>,
    );
    const sorted = screen.getByRole('columnheader', { name: 'Name' });
    expect(sorted).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(sorted).getByRole('button', { name: 'Name' }));
    expect(onChange).toHaveBeenLastCalledWith('-name');
  });

  it('clears a descending sort back to the default order', async () => {
    const onChange = vi.fn();
    const { user } = renderTable({ sort: { value: '-department', onChange } });
    const header = screen.getByRole('columnheader', { name: 'Department' });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'none');
    await user.click(within(header).getByRole('button', { name: 'Department' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('pages with the API count', async () => {
    const onChange = vi.fn();
    const { user } = renderTable({ pagination: { page: 2, pageSize: 2, count: 5, onChange } });
    const nav = screen.getByRole('navigation', { name: 'Pages of doctors' });
    expect(within(nav).getByText('3–4 of 5')).toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: 'Page 3' }));
    expect(onChange).toHaveBeenLastCalledWith(3);
  });

  it('shows no pages when everything fits on one', () => {
    renderTable({ pagination: { page: 1, pageSize: 25, count: 2, onChange: vi.fn() } });
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('at a phone width renders cards with the key fields and the row actions', async () => {
    atPhoneWidth();
    const onChange = vi.fn();
    const { user } = renderTable({ sort: { value: undefined, onChange } });
    expect(screen.queryByRole('table')).toBeNull();
    const list = await screen.findByRole('list', { name: 'Doctors, pending approval' });
    const cards = within(list).getAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = screen.getByRole('article', { name: 'Dr. Jane Doe' });
    expect(within(first).getByText('Department')).toBeInTheDocument();
    expect(within(first).getByText('Cardiology')).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: 'Approve Dr. Jane Doe' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('article', { name: 'Dr. Arjun Nair' })).getByRole('button', {
        name: 'Approve Dr. Arjun Nair',
      }),
    ).toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort by' }),
      'Department, descending',
    );
    expect(onChange).toHaveBeenLastCalledWith('-department');
  });
});
