/**
 * The API's shapes as the journeys use them (SPEC section 6, "names integrators rely on").
 * Deliberately partial: add the fields a journey reads. openapi.yaml is the full contract.
 */

export type AccountStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'DELETED';
export type Role = 'ADMIN' | 'DOCTOR' | 'PATIENT';

/** The error body of every 4xx: `{code, message, fields}`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields: Record<string, string[]>;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface Account {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  full_name: string;
  email: string;
  role: Role;
  status: AccountStatus;
}

export interface Doctor {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  full_name: string;
  email: string;
  mobile: string;
  address: string;
  department: string;
  status: AccountStatus;
}

export interface Patient {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  full_name: string;
  email: string;
  mobile: string;
  address: string;
  symptoms: string;
  date_of_birth: string | null;
  assigned_doctor: number | null;
  status: AccountStatus;
  is_admitted: boolean;
}

/** Login and person fields shared by every sign-up body. */
export interface PersonInput {
  username: string;
  password: string;
  first_name: string;
  last_name: string;
  email?: string;
}

export interface DoctorInput extends PersonInput {
  mobile: string;
  address: string;
  /** A department code, e.g. "CARDIOLOGIST" (GET /api/v1/departments/). */
  department: string;
}

export interface PatientInput extends PersonInput {
  mobile: string;
  address: string;
  symptoms: string;
  date_of_birth?: string | null;
  preferred_doctor?: number | null;
}

/** What an admin sends to register a patient (`POST /patients/`): approved at once. */
export interface PatientRegistrationInput extends Omit<PatientInput, 'preferred_doctor'> {
  assigned_doctor?: number | null;
}
