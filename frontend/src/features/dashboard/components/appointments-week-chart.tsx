import '@mantine/charts/styles.css';

import { BarChart } from '@mantine/charts';
import { Box } from '@mantine/core';

import { dayParts, formatDayShort } from '@/lib/format';

import type { AppointmentDay } from '../api/get-dashboard';

export interface ChartDay {
  /** The axis label, e.g. "Thu 26". */
  day: string;
  confirmed: number;
  pending: number;
}

/** The server's days as the chart's rows, in the server's (date) order. */
export function toChartData(days: AppointmentDay[]): ChartDay[] {
  return days.map((day) => {
    const parts = dayParts(day.date);
    return {
      day: `${parts.weekday} ${parts.day.replace(/\D+/g, '')}`,
      confirmed: day.confirmed,
      pending: day.pending,
    };
  });
}

/** The numbers behind the bars, in words: what a screen reader announces for the chart. */
export function chartSummary(days: AppointmentDay[]): string {
  const text = days
    .map((day) => `${formatDayShort(day.date)}: ${day.confirmed} confirmed, ${day.pending} pending`)
    .join('; ');
  return `Appointments per day. ${text}.`;
}

/**
 * Confirmed and pending appointments per day as stacked bars: a busy or empty day stands out at a
 * glance. The chart is one image to assistive technology, named by the same numbers in words.
 */
export function AppointmentsWeekChart({ days }: { days: AppointmentDay[] }) {
  return (
    <Box role="img" aria-label={chartSummary(days)}>
      <BarChart
        h={220}
        data={toChartData(days)}
        dataKey="day"
        type="stacked"
        series={[
          { name: 'confirmed', label: 'Confirmed', color: 'blue.8' },
          { name: 'pending', label: 'Pending approval', color: 'orange.5' },
        ]}
        withLegend
        yAxisProps={{ allowDecimals: false }}
        tickLine="y"
        // The image's name carries the numbers; the bars take no keyboard focus of their own.
        barChartProps={{ accessibilityLayer: false }}
      />
    </Box>
  );
}
