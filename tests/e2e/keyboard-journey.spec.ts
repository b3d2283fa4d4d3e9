/**
 * A keyboard-only journey (no mouse at all): an admin signs in, approves a pending doctor in place
 * on the dashboard's queue, books an appointment in a free slot and signs out, with Tab,
 * Shift+Tab, Enter, Space and the arrow keys. At every stop the focused element shows a visible focus indicator, and a
 * dialog keeps the focus inside until it closes, then hands it back to the button that opened it.
 *
 * Each step is a small function, so a change to one screen changes one step.
 */
import type { Locator, Page as BrowserPage } from '@playwright/test';

import {
  expect,
  registerPatient,
  signUpAdmin,
  signUpDoctor,
  test,
} from './support';
import type { Doctor, Patient } from './support';
import { firstFreeSlot, slotTimeName } from './support/workspace';
import type { Slot } from './support/workspace';

/** How many Tab presses a step may take to reach its target before the test gives up. */
const MAX_TABS = 80;

/**
 * Whether the focused element shows that it has the focus: an outline or a focus shadow, on the
 * element or on the box drawn around it (a password field's wrapper, a hidden radio's label).
 */
async function focusIndicator(page: BrowserPage): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return 'nothing has the focus';
    const visible = (node: Element): boolean => {
      const style = getComputedStyle(node);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      return outline || shadow;
    };
    const candidates: Element[] = [element];
    // A field's visible box (Mantine's input wrapper) may carry the ring for the input inside.
    const box = element.closest('.mantine-Input-input');
    if (box !== null) candidates.push(box);
    if (element instanceof HTMLInputElement) {
      candidates.push(...Array.from(element.labels ?? []));
      if (element.nextElementSibling !== null) candidates.push(element.nextElementSibling);
    }
    if (candidates.some(visible)) return null;
    const label =
      element instanceof HTMLInputElement ? (element.labels?.[0]?.textContent ?? '') : '';
    const name =
      element.getAttribute('aria-label') ??
      (label || element.textContent?.trim().slice(0, 40)) ??
      '';
    const kind = element.getAttribute('type') ?? element.getAttribute('role') ?? '';
    return `<${element.tagName.toLowerCase()} ${kind} class="${element.className}"> "${name}" has no visible focus indicator`;
  });
}

/** The focus indicator is visible on whatever has the focus now. */
async function expectFocusVisible(page: BrowserPage): Promise<void> {
  expect(await focusIndicator(page)).toBeNull();
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement).catch(() => false);
}

/**
 * Press Tab (or Shift+Tab) until `target` has the focus, checking the focus indicator at every
 * stop on the way.
 */
async function tabTo(page: BrowserPage, target: Locator, backwards = false): Promise<void> {
  // Attached, not visible: a chip's radio is visually hidden behind its label.
  await expect(target).toBeAttached();
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await expectFocusVisible(page);
  }
  throw new Error(`${String(target)} was not reached in ${MAX_TABS} presses of Tab`);
}

/** The dialog holds the focus however often Tab and Shift+Tab are pressed. */
async function expectFocusTrapped(page: BrowserPage, dialog: Locator): Promise<void> {
  const inside = () => dialog.evaluate((node) => node.contains(document.activeElement));
  await expect.poll(inside).toBe(true);
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await inside(), `focus left the dialog after ${key}`).toBe(true);
    await expectFocusVisible(page);
  }
}

// --- the steps ------------------------------------------------------------------------------

async function signInWithKeyboard(page: BrowserPage, username: string, password: string) {
  await page.goto('/login');
  const form = page.getByRole('form', { name: 'Sign in' });
  await tabTo(page, form.getByLabel('Username'));
  await page.keyboard.type(username);
  await tabTo(page, form.getByRole('textbox', { name: 'Password', exact: true }));
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/**
 * The doctor's row in the dashboard's "Doctors awaiting approval" queue (newest first), where
 * Approve and Reject act in place; the full pending list, searched by username, only when other
 * applications arrived since and pushed the doctor out of the queue's first rows. Tabs to the
 * row's Approve button. Returns where the doctor's decision buttons are.
 */
async function openPendingDoctorFromDashboard(page: BrowserPage, doctor: Doctor): Promise<Locator> {
  const queue = page.getByRole('region', { name: 'Doctors awaiting approval' });
  await expect(queue.getByText(/\d+ waiting/)).toBeVisible();
  const row = queue.getByRole('listitem').filter({
    has: page.getByRole('link', { name: doctor.full_name, exact: true }),
  });
  if ((await row.count()) > 0) {
    await tabTo(page, row.getByRole('button', { name: `Approve ${doctor.full_name}` }));
    return row;
  }
  await tabTo(page, queue.getByRole('link', { name: 'All pending doctors' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/doctors\?status=PENDING/);
  await tabTo(page, page.getByLabel('Search by name'));
  await page.keyboard.type(doctor.username);
  const approve = page.getByRole('button', { name: `Approve ${doctor.full_name}` });
  await expect(approve).toHaveCount(1);
  await tabTo(page, approve);
  return page.getByRole('main');
}

/** Open "Reject", look around the dialog with Tab, leave with Escape: nothing is rejected. */
async function openAndLeaveRejectDialog(page: BrowserPage, where: Locator, doctor: Doctor) {
  const reject = where.getByRole('button', { name: `Reject ${doctor.full_name}` });
  await tabTo(page, reject);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Reject ${doctor.full_name}` });
  await expect(dialog).toBeVisible();
  await expectFocusTrapped(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reject).toBeFocused();
  await expectFocusVisible(page);
}

/** Shift+Tab back to "Approve" beside "Reject" and press it: the doctor leaves the queue. */
async function approveFocusedDoctor(page: BrowserPage, where: Locator, doctor: Doctor) {
  await tabTo(page, where.getByRole('button', { name: `Approve ${doctor.full_name}` }), true);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${doctor.full_name} can now sign in.`)).toBeVisible();
}

/** A searchable select: type to filter, ArrowDown to the first match, Enter to pick it. */
async function pickOption(page: BrowserPage, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
  // The search answered: the one option left is the person typed (names here are unique).
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(page.getByRole('option')).toHaveText([new RegExp(`^${escaped}`)]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(text);
}

/**
 * The day field (a Mantine date input): replace its text with the ISO date, which it parses as
 * typed, and close its calendar with Escape; on leaving the field it shows the date in words.
 */
async function typeDay(page: BrowserPage, field: Locator, isoDate: string) {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(isoDate);
  await page.keyboard.press('Escape');
  await expect(field).toHaveValue(isoDate);
}

async function bookFreeSlot(
  page: BrowserPage,
  booking: { patient: Patient; doctor: Doctor; date: string; slot: Slot; reason: string },
) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await tabTo(page, nav.getByRole('link', { name: 'Appointments', exact: true }), true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Appointments' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Book an appointment' }));
  await page.keyboard.press('Enter');

  const form = page.getByRole('form', { name: 'Book an appointment' });
  await pickOption(page, form.getByRole('combobox', { name: 'Patient' }), booking.patient.full_name);
  await pickOption(page, form.getByRole('combobox', { name: 'Doctor' }), booking.doctor.full_name);
  await typeDay(page, form.getByLabel('Day'), booking.date);
  const slot = form
    .getByRole('group', { name: 'Free slots' })
    .getByRole('radio', { name: slotTimeName(booking.slot.starts_at) });
  await tabTo(page, slot);
  await page.keyboard.press('Space');
  await expect(slot).toBeChecked();
  await tabTo(page, form.getByLabel('Reason'));
  await page.keyboard.type(booking.reason);
  await tabTo(page, form.getByRole('button', { name: 'Book appointment' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Appointment booked')).toBeVisible();
}

async function signOutWithKeyboard(page: BrowserPage) {
  await tabTo(page, page.getByRole('banner').getByRole('button', { name: 'Sign out' }), true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login$/);
}

// --- the journey ----------------------------------------------------------------------------

test('keyboard only: sign in, approve a doctor, book a free slot, sign out', async ({
  page,
  api,
  adminApi,
}) => {
  test.setTimeout(120_000);
  const admin = await signUpAdmin(api);
  const doctor = await signUpDoctor(api);
  const patient = await registerPatient(adminApi);

  await signInWithKeyboard(page, admin.username, admin.password);
  const decision = await openPendingDoctorFromDashboard(page, doctor);
  await openAndLeaveRejectDialog(page, decision, doctor);
  await approveFocusedDoctor(page, decision, doctor);
  // The decision reached the server.
  expect((await adminApi.get<{ status: string }>(`doctors/${doctor.id}/`)).status).toBe('APPROVED');

  const { date, slot } = await firstFreeSlot(adminApi, doctor.id);
  await bookFreeSlot(page, { patient, doctor, date, slot, reason: 'Persistent cough' });
  const booked = await adminApi.get<{ results: { doctor: number; status: string; starts_at: string; reason: string }[] }>(
    'appointments/',
    { patient: patient.id },
  );
  expect(booked.results.map((row) => [row.doctor, row.status, Date.parse(row.starts_at), row.reason])).toEqual([
    [doctor.id, 'CONFIRMED', Date.parse(slot.starts_at), 'Persistent cough'],
  ]);

  await signOutWithKeyboard(page);
});
