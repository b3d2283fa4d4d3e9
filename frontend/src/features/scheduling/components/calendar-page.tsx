import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';

import { DateField } from '@/components/date-field';
import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { StatusBadge } from '@/components/status-badge';
import { addDays, isIsoDate, todayIn } from '@/lib/format';
import { useHospital, useHospitalFormat } from '@/lib/hospital';

import { useCalendar } from '../api/get-calendar';
import type { CalendarAppointment, CalendarDoctor, Slot } from '../api/keys';
import { AppointmentModal } from './appointment-modal';
import { BookSlotModal } from './book-slot-modal';

type View = 'day' | 'week';

interface CalendarPageProps {
  /** The admin books into free slots and sees every doctor; a doctor sees their own calendar. */
  canBook: boolean;
}

/** The Monday of the week holding `isoDate`. */
function weekStart(isoDate: string): string {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

function dayOf(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
}

type Row =
  | { kind: 'appointment'; at: string; appointment: CalendarAppointment }
  | { kind: 'free'; at: string; slot: Slot };

/** Appointments and free slots of one doctor on one day, in time order. */
function rowsOf(doctor: CalendarDoctor, day: string, timeZone: string): Row[] {
  const rows: Row[] = [
    ...doctor.appointments
      .filter((appointment) => dayOf(appointment.starts_at, timeZone) === day)
      .map((appointment) => ({
        kind: 'appointment' as const,
        at: appointment.starts_at,
        appointment,
      })),
    ...doctor.free_slots
      .filter((slot) => dayOf(slot.starts_at, timeZone) === day)
      .map((slot) => ({ kind: 'free' as const, at: slot.starts_at, slot })),
  ];
  return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

interface DayListProps {
  doctor: CalendarDoctor;
  day: string;
  heading: string;
  canBook: boolean;
  onOpen: (id: number) => void;
  onBook: (doctor: CalendarDoctor, slot: Slot) => void;
}

/** One doctor's day as a list: each row a button (Tab to move, Enter to open or book). */
function DayList({ doctor, day, heading, canBook, onOpen, onBook }: DayListProps) {
  const format = useHospitalFormat();
  const timeZone = format.hospital?.time_zone ?? 'UTC';
  const rows = rowsOf(doctor, day, timeZone);
  const away = doctor.time_off.filter(
    (range) => dayOf(range.starts_at, timeZone) <= day && dayOf(range.ends_at, timeZone) >= day,
  );
  return (
    <Paper withBorder p="sm" component="section" aria-label={heading}>
      <Title order={3} size="h5" mb="xs">
        {heading}
      </Title>
      {away.map((range) => (
        <Text key={range.id} size="sm" c="red.9" mb={4}>
          Away {format.dateTime(range.starts_at)} – {format.dateTime(range.ends_at)}
          {range.reason === '' ? '' : ` (${range.reason})`}
        </Text>
      ))}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing on this day.
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((row) =>
            row.kind === 'appointment' ? (
              <li key={`a${row.appointment.id}`}>
                <UnstyledButton
                  onClick={() => {
                    onOpen(row.appointment.id);
                  }}
                  w="100%"
                  p={4}
                  aria-label={`${format.time(row.at)} ${row.appointment.patient_name}, open the appointment`}
                >
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600} miw={64}>
                      {format.time(row.at)}
                    </Text>
                    <Text size="sm" style={{ flex: 1 }} truncate>
                      {row.appointment.patient_name}
                    </Text>
                    <StatusBadge kind="appointment" status={row.appointment.status} />
                  </Group>
                </UnstyledButton>
              </li>
            ) : (
              <li key={`f${row.at}`}>
                {canBook ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => {
                      onBook(doctor, row.slot);
                    }}
                    aria-label={`Book ${format.time(row.at)} with ${doctor.full_name}`}
                  >
                    {format.time(row.at)} free — book
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed" p={4}>
                    {format.time(row.at)} free
                  </Text>
                )}
              </li>
            ),
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Day and week views of the appointment calendar (admin: every doctor; doctor: their own). */
export function CalendarPage({ canBook }: CalendarPageProps) {
  const hospital = useHospital();
  const format = useHospitalFormat();
  const today = todayIn(hospital.data?.time_zone ?? 'UTC');
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'week' ? 'week' : 'day';
  const rawDate = params.get('date') ?? '';
  const date = isIsoDate(rawDate) ? rawDate : today;
  const doctorParam = Number(params.get('doctor') ?? '');
  const doctor = Number.isInteger(doctorParam) && doctorParam > 0 ? doctorParam : null;
  const [opened, setOpened] = useState<number | null>(null);
  const [booking, setBooking] = useState<{ doctor: CalendarDoctor; slot: Slot } | null>(null);

  const set = (changes: Record<string, string | null>) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  };

  // The admin's week needs a doctor; a doctor's calendar is always their own.
  const needsDoctor = canBook && view === 'week' && doctor === null;
  const from = view === 'week' ? weekStart(date) : date;
  const to = view === 'week' ? addDays(from, 6) : date;
  const calendar = useCalendar(from, needsDoctor ? from : to, canBook ? doctor : null);
  const days = view === 'week' ? Array.from({ length: 7 }, (_, i) => addDays(from, i)) : [date];
  const step = view === 'week' ? 7 : 1;

  return (
    <Stack gap="md">
      <PageHeader
        title="Calendar"
        description={
          canBook
            ? 'A day for every doctor, or a week for one. Choose a free slot to book it.'
            : 'Your appointments and free slots, by day or by week.'
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="View"
          value={view}
          onChange={(value) => {
            set({ view: value === 'week' ? 'week' : null });
          }}
          data={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
          ]}
        />
        <Button
          variant="default"
          onClick={() => {
            set({ date: addDays(date, -step) });
          }}
        >
          {view === 'week' ? 'Previous week' : 'Previous day'}
        </Button>
        <DateField
          label="Day"
          value={date}
          w={180}
          onChange={(value) => {
            set({ date: value });
          }}
        />
        <Button
          variant="default"
          onClick={() => {
            set({ date: addDays(date, step) });
          }}
        >
          {view === 'week' ? 'Next week' : 'Next day'}
        </Button>
        {canBook && (
          <DoctorSelect
            label="Doctor"
            clearable
            w={260}
            value={doctor}
            onChange={(value) => {
              set({ doctor: value === null ? null : String(value) });
            }}
          />
        )}
      </Group>
      {needsDoctor ? (
        <Text>Choose a doctor to see their week.</Text>
      ) : calendar.isPending ? (
        <PanelLoader label="Loading the calendar…" />
      ) : calendar.isError ? (
        <LoadError what="the calendar" error={calendar.error} onRetry={calendar.refetch} />
      ) : calendar.data.doctors.length === 0 ? (
        <Text>No doctor is available.</Text>
      ) : view === 'day' ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {calendar.data.doctors.map((column) => (
            <DayList
              key={column.id}
              doctor={column}
              day={date}
              heading={`${column.full_name} · ${column.department}`}
              canBook={canBook}
              onOpen={setOpened}
              onBook={(chosen, slot) => {
                setBooking({ doctor: chosen, slot });
              }}
            />
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {calendar.data.doctors.flatMap((column) =>
            days.map((day) => (
              <DayList
                key={`${column.id}-${day}`}
                doctor={column}
                day={day}
                heading={format.date(day)}
                canBook={canBook}
                onOpen={setOpened}
                onBook={(chosen, slot) => {
                  setBooking({ doctor: chosen, slot });
                }}
              />
            )),
          )}
        </SimpleGrid>
      )}
      <AppointmentModal
        id={opened}
        canChange={canBook}
        onClose={() => {
          setOpened(null);
        }}
      />
      <BookSlotModal
        target={booking}
        onClose={() => {
          setBooking(null);
        }}
      />
    </Stack>
  );
}

/** The admin's calendar. */
export function AdminCalendarPage() {
  return <CalendarPage canBook />;
}

/** A doctor's own calendar. */
export function DoctorCalendarPage() {
  return <CalendarPage canBook={false} />;
}
