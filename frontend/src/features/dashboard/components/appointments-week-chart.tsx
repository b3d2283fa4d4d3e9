import { Box, Group, Text } from '@mantine/core';

import { dayParts, formatDayShort } from '@/lib/dates';

import type { DayCount } from '../api/get-appointments-per-day';

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { top: 20, right: 8, bottom: 40, left: 32 };
const CONFIRMED = 'var(--mantine-color-blue-8)';
const PENDING = 'var(--mantine-color-orange-5)';

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <Box w={12} h={12} style={{ background: color, borderRadius: 2 }} aria-hidden />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

function summary(days: DayCount[]): string {
  return days
    .map(
      (day) =>
        `${formatDayShort(day.date)}: ${day.confirmed} confirmed, ${day.pending} pending`,
    )
    .join('; ');
}

/**
 * Confirmed and pending appointments per day as stacked bars: a busy or empty day stands out at a
 * glance. Screen readers get the same numbers as the image's text.
 */
export function AppointmentsWeekChart({ days }: { days: DayCount[] }) {
  const totals = days.map((day) => day.confirmed + day.pending);
  const top = Math.max(4, ...totals);
  // Whole-number grid lines: 0, half and the top.
  const scaleMax = top % 2 === 0 ? top : top + 1;
  const ticks = [0, scaleMax / 2, scaleMax];
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const band = plotWidth / Math.max(1, days.length);
  const barWidth = Math.min(44, band * 0.6);
  const y = (value: number) => PAD.top + plotHeight - (value / scaleMax) * plotHeight;

  return (
    <Box>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`Appointments per day. ${summary(days)}.`}
        style={{ maxWidth: WIDTH, display: 'block' }}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="var(--mantine-color-gray-3)"
            />
            <text
              x={PAD.left - 6}
              y={y(tick) + 4}
              textAnchor="end"
              fontSize={11}
              fill="var(--mantine-color-gray-7)"
            >
              {tick}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = PAD.left + index * band + (band - barWidth) / 2;
          const confirmedTop = y(day.confirmed);
          const totalTop = y(day.confirmed + day.pending);
          return (
            <g key={day.date}>
              <title>{`${formatDayShort(day.date)}: ${day.confirmed} confirmed, ${day.pending} pending`}</title>
              {day.confirmed > 0 && (
                <rect
                  x={x}
                  y={confirmedTop}
                  width={barWidth}
                  height={y(0) - confirmedTop}
                  fill={CONFIRMED}
                />
              )}
              {day.pending > 0 && (
                <rect
                  x={x}
                  y={totalTop}
                  width={barWidth}
                  height={confirmedTop - totalTop}
                  fill={PENDING}
                />
              )}
              <text
                x={x + barWidth / 2}
                y={totalTop - 5}
                textAnchor="middle"
                fontSize={12}
                fontWeight={600}
                fill="var(--mantine-color-gray-9)"
              >
                {day.confirmed + day.pending}
              </text>
              <text
                x={x + barWidth / 2}
                y={HEIGHT - PAD.bottom + 16}
                textAnchor="middle"
                fontSize={11}
                fill="var(--mantine-color-gray-8)"
              >
                {dayParts(day.date).weekday}
              </text>
              <text
                x={x + barWidth / 2}
                y={HEIGHT - PAD.bottom + 30}
                textAnchor="middle"
                fontSize={11}
                fill="var(--mantine-color-gray-7)"
              >
                {dayParts(day.date).day}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="lg" mt="xs">
        <Swatch color={CONFIRMED} label="Confirmed" />
        <Swatch color={PENDING} label="Pending approval" />
      </Group>
    </Box>
  );
}
