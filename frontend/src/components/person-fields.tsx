import { PasswordInput, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import { todayIn } from '@/lib/format';
import { useHospital } from '@/lib/hospital';
import { optionalDate, optionalEmail, requiredSecret, requiredText } from '@/lib/forms';

import { BirthDateField } from './date-field';

/**
 * The person fields of every form that asks for them (sign-up, an admin registering or editing a
 * doctor or patient, the profile's contact details): the inputs, their initial values and their
 * schema, in one place.
 */

export interface PersonFieldsOptions {
  /** First and last name. */
  name?: boolean;
  /** Username and password, for a new account. */
  login?: boolean;
  /** Mobile and address. */
  contact?: boolean;
  /** E-mail (optional); shown unless turned off. */
  email?: boolean;
  /** Date of birth (optional). */
  dateOfBirth?: boolean;
}

export interface PersonValues {
  first_name: string;
  last_name: string;
  username: string;
  password: string;
  email: string;
  mobile: string;
  address: string;
  /** "YYYY-MM-DD" or "" */
  date_of_birth: string;
}

export const personInitialValues: PersonValues = {
  first_name: '',
  last_name: '',
  username: '',
  password: '',
  email: '',
  mobile: '',
  address: '',
  date_of_birth: '',
};

const NAME_SHAPE = {
  first_name: requiredText('First name is required.'),
  last_name: requiredText('Last name is required.'),
};
const LOGIN_SHAPE = {
  username: requiredText('Username is required.'),
  password: requiredSecret('Password is required.'),
};
const EMAIL_SHAPE = { email: optionalEmail() };
const CONTACT_SHAPE = {
  mobile: requiredText('Mobile is required.'),
  address: requiredText('Address is required.'),
};
const DATE_OF_BIRTH_SHAPE = { date_of_birth: optionalDate() };

type Shape<O extends PersonFieldsOptions> = (O['name'] extends false ? object : typeof NAME_SHAPE) &
  (O['login'] extends true ? typeof LOGIN_SHAPE : object) &
  (O['contact'] extends false ? object : typeof CONTACT_SHAPE) &
  (O['email'] extends false ? object : typeof EMAIL_SHAPE) &
  (O['dateOfBirth'] extends true ? typeof DATE_OF_BIRTH_SHAPE : object);

/**
 * The schema entries of the person fields a form shows (names, contact and e-mail unless turned
 * off; login and date of birth when asked for); spread them into the form's `z.object`.
 */
export function personShape<const O extends PersonFieldsOptions>(options: O): Shape<O> {
  return {
    ...(options.name === false ? {} : NAME_SHAPE),
    ...(options.login === true ? LOGIN_SHAPE : {}),
    ...(options.contact === false ? {} : CONTACT_SHAPE),
    ...(options.email === false ? {} : EMAIL_SHAPE),
    ...(options.dateOfBirth === true ? DATE_OF_BIRTH_SHAPE : {}),
  } as Shape<O>;
}

/** The names of the fields shown, for leaving their server messages out of the form's summary. */
export function personFieldNames(options: PersonFieldsOptions): string[] {
  return Object.keys(personShape(options));
}

interface PersonFieldsProps<Values> extends PersonFieldsOptions {
  form: UseFormReturnType<Values>;
  /**
   * `self`: people entering their own details (sign-up, profile), so the browser may fill them
   * in. `staff`: someone entering another person's details; nothing is filled in from the
   * browser and the password is an initial one.
   */
  filledBy: 'self' | 'staff';
  /** Focus the first field when the form opens. */
  focusFirst?: boolean;
}

/** Name, login, contact, e-mail and date-of-birth inputs, as the options ask. */
export function PersonFields<Values>({
  form,
  filledBy,
  name = true,
  login = false,
  contact = true,
  email = true,
  dateOfBirth = false,
  focusFirst = false,
}: PersonFieldsProps<Values>) {
  const self = filledBy === 'self';
  const auto = (token: string) => (self ? token : 'off');
  const hospital = useHospital();
  return (
    <>
      {name && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="First name"
            required
            autoComplete={auto('given-name')}
            data-autofocus={focusFirst || undefined}
            key={form.key('first_name')}
            {...form.getInputProps('first_name')}
          />
          <TextInput
            label="Last name"
            required
            autoComplete={auto('family-name')}
            key={form.key('last_name')}
            {...form.getInputProps('last_name')}
          />
        </SimpleGrid>
      )}
      {login && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Username"
            description="For signing in; letters, digits and @ . + - _"
            required
            autoComplete={auto('username')}
            key={form.key('username')}
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={self ? 'Password' : 'Initial password'}
            description={
              self
                ? 'At least 12 characters; not a common password, not only digits, not like the username.'
                : 'At least 12 characters; tell it to the person in private.'
            }
            required
            autoComplete="new-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
        </SimpleGrid>
      )}
      {(contact || email) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {contact && (
            <TextInput
              label="Mobile"
              type="tel"
              required
              autoComplete={auto('tel')}
              key={form.key('mobile')}
              {...form.getInputProps('mobile')}
            />
          )}
          {email && (
            <TextInput
              label="Email"
              description="Optional"
              type="email"
              autoComplete={auto('email')}
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
          )}
        </SimpleGrid>
      )}
      {contact && (
        <Textarea
          label="Address"
          required
          autosize
          minRows={2}
          autoComplete={auto('street-address')}
          key={form.key('address')}
          {...form.getInputProps('address')}
        />
      )}
      {dateOfBirth && (
        <BirthDateField
          label="Date of birth"
          description="Optional"
          clearable
          today={todayIn(hospital.data?.time_zone ?? 'UTC')}
          key={form.key('date_of_birth')}
            {...form.getInputProps('date_of_birth')}
        />
      )}
    </>
  );
}
