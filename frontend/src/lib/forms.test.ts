import { describe, expect, it } from 'vitest';

import { personShape } from '@/components/person-fields';
import { dischargeSchema } from '@/features/admissions/components/discharge-panel';
import { admitSchema } from '@/features/admissions/components/admit-patient-page';
import { signUpPatientSchema } from '@/features/accounts/components/sign-up-patient-form';
import { loginSchema } from '@/features/accounts/components/login-form';
import { patientFormSchema } from '@/features/patients/components/patient-form';
import { moneySchema } from '@/features/payments/components/money-form';
import { timeOffSchema, weekSchema } from '@/features/scheduling/components/schedule-page';
import { changePasswordSchema } from '@/features/profile/components/profile-page';

import { amountProblem, schemaErrors, z } from './forms';

const charges = {
  discharged_on: '2026-11-20',
  room_charge_per_day: '500.00',
  doctor_fee: '1000',
  medicine_cost: '250.5',
  other_charge: '0',
};

describe('amounts', () => {
  it('names what is wrong with an amount', () => {
    expect(amountProblem('')).toBe('Enter an amount (0 when there is none).');
    expect(amountProblem('', true)).toBeNull();
    expect(amountProblem('-5')).toBe('The amount cannot be negative.');
    expect(amountProblem('12.345')).toBe('Enter an amount like 1500 or 1500.50.');
    expect(amountProblem('1,500')).toBe('Enter an amount like 1500 or 1500.50.');
    expect(amountProblem(' 1500.50 ')).toBeNull();
  });
});

describe('discharge schema', () => {
  const schema = dischargeSchema('2026-11-10', '2026-11-25');

  it('builds the request body from valid entries, amounts trimmed and never recomputed', () => {
    expect(schema.parse({ ...charges, doctor_fee: ' 1000 ' })).toEqual(charges);
  });

  it('names each wrong field with its own message', () => {
    expect(
      schemaErrors(schema, {
        discharged_on: '2026-11-09',
        room_charge_per_day: '-500',
        doctor_fee: '',
        medicine_cost: 'abc',
        other_charge: '0',
      }),
    ).toEqual({
      discharged_on: 'The discharge date cannot be before the admission date.',
      room_charge_per_day: 'The amount cannot be negative.',
      doctor_fee: 'Enter an amount (0 when there is none).',
      medicine_cost: 'Enter an amount like 1500 or 1500.50.',
    });
    expect(schemaErrors(schema, { ...charges, discharged_on: '2026-11-26' })).toEqual({
      discharged_on: 'The discharge date cannot be in the future.',
    });
    expect(schemaErrors(schema, { ...charges, discharged_on: '' })).toEqual({
      discharged_on: 'Enter the discharge date.',
    });
  });
});

describe('admission schema', () => {
  it('sends no rate when none is given, and refuses a future date', () => {
    const schema = admitSchema('2026-11-25');
    expect(
      schema.parse({
        patient: 11,
        doctor: 7,
        admitted_on: '2026-11-25',
        symptoms: ' Chest pain ',
        room: '',
        room_charge_per_day: '',
      }),
    ).toEqual({
      patient: 11,
      doctor: 7,
      admitted_on: '2026-11-25',
      symptoms: 'Chest pain',
      room: '',
      room_charge_per_day: null,
    });
    expect(
      schemaErrors(schema, {
        patient: null,
        doctor: null,
        admitted_on: '2026-11-26',
        symptoms: ' ',
        room: '',
        room_charge_per_day: '12.345',
      }),
    ).toEqual({
      patient: 'Choose the patient.',
      doctor: 'Choose the attending doctor.',
      admitted_on: 'The admission date cannot be in the future.',
      symptoms: 'Symptoms or reason is required.',
      room_charge_per_day: 'Enter an amount like 1500 or 1500.50.',
    });
  });
});

describe('person fields', () => {
  const person = {
    first_name: ' Lata ',
    last_name: 'Menon',
    username: 'lata',
    password: ' secret with spaces ',
    email: '',
    mobile: '+91 98450 12345',
    address: '4 Lake Road',
    date_of_birth: '',
  };

  it('checks the shown fields only, with one message each', () => {
    const schema = z.object(personShape({ login: true, dateOfBirth: true }));
    expect(
      schemaErrors(schema, {
        ...person,
        first_name: ' ',
        last_name: '',
        username: '',
        password: '',
        email: 'lata@',
        mobile: '',
        address: '',
        date_of_birth: '1980-02-30',
      }),
    ).toEqual({
      first_name: 'First name is required.',
      last_name: 'Last name is required.',
      username: 'Username is required.',
      password: 'Password is required.',
      email: 'Enter an e-mail address like name@example.com.',
      mobile: 'Mobile is required.',
      address: 'Address is required.',
      date_of_birth: 'Enter a date like 2026-01-31.',
    });
    // Editing shows no login fields: none are checked or sent.
    const edit = z.object(personShape({}));
    expect(edit.parse(person)).toEqual({
      first_name: 'Lata',
      last_name: 'Menon',
      email: '',
      mobile: '+91 98450 12345',
      address: '4 Lake Road',
    });
  });

  it('builds the patient bodies: the password as typed, an empty date of birth as null', () => {
    expect(
      signUpPatientSchema.parse({ ...person, symptoms: 'Fever', preferred_doctor: '9' }),
    ).toEqual({
      first_name: 'Lata',
      last_name: 'Menon',
      username: 'lata',
      password: ' secret with spaces ',
      email: '',
      mobile: '+91 98450 12345',
      address: '4 Lake Road',
      date_of_birth: null,
      symptoms: 'Fever',
      preferred_doctor: 9,
    });
    expect(
      patientFormSchema('edit').parse({
        ...person,
        date_of_birth: '1980-04-12',
        symptoms: 'Fever',
        assigned_doctor: 3,
      }),
    ).toEqual({
      first_name: 'Lata',
      last_name: 'Menon',
      email: '',
      mobile: '+91 98450 12345',
      address: '4 Lake Road',
      date_of_birth: '1980-04-12',
      symptoms: 'Fever',
    });
  });
});

describe('other forms', () => {
  it('sign-in: both fields, the password untrimmed', () => {
    expect(schemaErrors(loginSchema, { username: ' ', password: '' })).toEqual({
      username: 'Enter your username.',
      password: 'Enter your password.',
    });
    expect(loginSchema.parse({ username: ' lata ', password: ' pw ' })).toEqual({
      username: 'lata',
      password: ' pw ',
    });
  });

  it('password change: length and repetition, and only the two passwords are sent', () => {
    expect(
      schemaErrors(changePasswordSchema, {
        current_password: '',
        new_password: 'short',
        confirm_password: 'other',
      }),
    ).toEqual({
      current_password: 'Enter your current password.',
      new_password: 'The new password needs at least 12 characters.',
      confirm_password: 'The two new passwords differ.',
    });
    expect(
      changePasswordSchema.parse({
        current_password: 'old',
        new_password: 'a-long-enough-secret',
        confirm_password: 'a-long-enough-secret',
      }),
    ).toEqual({ current_password: 'old', new_password: 'a-long-enough-secret' });
  });

  it('payment: amount and method', () => {
    expect(schemaErrors(moneySchema, { amount: '-1', method: 'GOLD', reference: '' })).toEqual({
      amount: 'The amount cannot be negative.',
      method: 'Choose how it was paid.',
    });
  });

  it('time off and weekly hours: ranges in order', () => {
    expect(
      schemaErrors(timeOffSchema('2026-11-25'), {
        first: '2026-11-30',
        last: '2026-11-29',
        reason: '',
      }),
    ).toEqual({ last: 'The last day cannot be before the first.' });
    expect(
      schemaErrors(timeOffSchema('2026-11-25'), { first: '2026-11-24', last: '', reason: '' }),
    ).toEqual({
      first: 'Time off cannot start in the past.',
      last: 'Enter the last day off.',
    });
    expect(
      schemaErrors(weekSchema, {
        windows: [
          { weekday: 0, start_time: '09:00', end_time: '13:00' },
          { weekday: 2, start_time: '14:00', end_time: '12:00' },
        ],
      }),
    ).toEqual({ 'windows.1.end_time': 'The window must end after it starts.' });
  });
});
