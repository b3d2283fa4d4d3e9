import type { APIRequestContext, APIResponse } from '@playwright/test';
import { request } from '@playwright/test';

import { DEMO_PASSWORD } from './demo';
import type {
  Account,
  ApiErrorBody,
  Doctor,
  DoctorInput,
  Patient,
  PatientInput,
  PatientRegistrationInput,
  PersonInput,
} from './types';

/**
 * Arrange state through the real REST API, the way an integration would (JSON-mode tokens).
 * Journeys use this for everything that is not the subject of the test: creating and approving
 * the accounts a journey needs is faster and steadier through the API than through the UI.
 */

const API_PREFIX = '/api/v1/';

type Query = Record<string, string | number | boolean>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A non-2xx answer, with the API's error body (`{code, message, fields}`) when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly method: Method,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${API_PREFIX}${path} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'ApiRequestError';
  }

  /** The error code (`INVALID_STATE`, `SLOT_TAKEN`, ...), when the body has one. */
  get code(): string | undefined {
    const body = this.body as Partial<ApiErrorBody> | null;
    return typeof body?.code === 'string' ? body.code : undefined;
  }
}

async function bodyOf(response: APIResponse): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A client of `/api/v1/`, anonymous or signed in as one user. Paths are relative to `/api/v1/`
 * and keep their trailing slash: `api.get<Page<Doctor>>('doctors/', { status: 'PENDING' })`.
 * The typed methods throw {@link ApiRequestError} on any non-2xx answer; use {@link send} to
 * assert on an error answer yourself.
 */
export class HmsApi {
  private constructor(
    private readonly context: APIRequestContext,
    private readonly access: string | null,
    /** The signed-in username, or null when anonymous. */
    readonly username: string | null,
  ) {}

  static async anonymous(baseURL: string): Promise<HmsApi> {
    return new HmsApi(await request.newContext({ baseURL }), null, null);
  }

  /** Log in with `POST /auth/token/` and send the access token with every request. */
  static async login(
    baseURL: string,
    username: string,
    password: string = DEMO_PASSWORD,
  ): Promise<HmsApi> {
    const context = await request.newContext({ baseURL });
    const response = await context.post(`${API_PREFIX}auth/token/`, {
      data: { username, password },
    });
    if (!response.ok()) {
      const body = await bodyOf(response);
      await context.dispose();
      throw new ApiRequestError('POST', 'auth/token/', response.status(), body);
    }
    const { access } = (await response.json()) as { access: string };
    return new HmsApi(context, access, username);
  }

  /** Send a request and return the raw response, whatever its status. */
  async send(
    method: Method,
    path: string,
    options: { data?: unknown; params?: Query } = {},
  ): Promise<APIResponse> {
    return this.context.fetch(`${API_PREFIX}${path}`, {
      method,
      ...(options.data === undefined ? {} : { data: options.data }),
      ...(options.params === undefined ? {} : { params: options.params }),
      headers: this.access === null ? {} : { Authorization: `Bearer ${this.access}` },
    });
  }

  private async json<T>(
    method: Method,
    path: string,
    options: { data?: unknown; params?: Query } = {},
  ): Promise<T> {
    const response = await this.send(method, path, options);
    const body = await bodyOf(response);
    if (!response.ok()) throw new ApiRequestError(method, path, response.status(), body);
    return body as T;
  }

  get<T>(path: string, params?: Query): Promise<T> {
    return this.json<T>('GET', path, params === undefined ? {} : { params });
  }

  post<T>(path: string, data: unknown = {}): Promise<T> {
    return this.json<T>('POST', path, { data });
  }

  patch<T>(path: string, data: unknown): Promise<T> {
    return this.json<T>('PATCH', path, { data });
  }

  async delete(path: string): Promise<void> {
    await this.json<unknown>('DELETE', path);
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}

// --- test data --------------------------------------------------------------------------------

let sequence = 0;

/**
 * A username no other test uses, in this run or any other: `prefix.<worker><time><n>`.
 * Usernames are case-insensitively unique in HMS, so it is lower case.
 */
export function uniqueUsername(prefix: string): string {
  sequence += 1;
  const worker = process.env.TEST_WORKER_INDEX ?? '0';
  return `${prefix}.${worker}${Date.now().toString(36)}${sequence}`.toLowerCase();
}

/** A valid Indian mobile number, different on every call. */
export function uniqueMobile(): string {
  sequence += 1;
  const digits = `${Date.now() % 1_000_000}${sequence % 1000}`.padStart(9, '0').slice(-9);
  return `+919${digits}`;
}

/** A password the server's validators accept (12+ characters, not common, not like the name). */
export const E2E_PASSWORD = 'Correct-Horse-Battery-42';

/** The login and person fields of a new account; `first_name` defaults to a readable name. */
export function newPerson(prefix: string, overrides: Partial<PersonInput> = {}): PersonInput {
  const username = overrides.username ?? uniqueUsername(prefix);
  return {
    username,
    password: E2E_PASSWORD,
    first_name: 'E2E',
    last_name: `Test ${username}`,
    email: `${username}@e2e.example`,
    ...overrides,
  };
}

export function newDoctorInput(overrides: Partial<DoctorInput> = {}): DoctorInput {
  return {
    ...newPerson('e2e.dr', overrides),
    mobile: uniqueMobile(),
    address: '12 Journey Lane, Bengaluru',
    department: 'CARDIOLOGIST',
    ...overrides,
  };
}

export function newPatientInput(overrides: Partial<PatientInput> = {}): PatientInput {
  return {
    ...newPerson('e2e.pt', overrides),
    mobile: uniqueMobile(),
    address: '34 Journey Road, Kochi',
    symptoms: 'Persistent cough for two weeks',
    ...overrides,
  };
}

// --- accounts ---------------------------------------------------------------------------------
// Each helper returns the created resource plus the password, ready for `loginAs`.

export type WithPassword<T> = T & { password: string };

/** Apply as a doctor (`POST /auth/signup/doctor/`): the account starts PENDING. */
export async function signUpDoctor(
  api: HmsApi,
  overrides: Partial<DoctorInput> = {},
): Promise<WithPassword<Doctor>> {
  const input = newDoctorInput(overrides);
  const doctor = await api.post<Doctor>('auth/signup/doctor/', input);
  return { ...doctor, password: input.password };
}

/** Sign up as a patient (`POST /auth/signup/patient/`): the account starts PENDING. */
export async function signUpPatient(
  api: HmsApi,
  overrides: Partial<PatientInput> = {},
): Promise<WithPassword<Patient>> {
  const input = newPatientInput(overrides);
  const patient = await api.post<Patient>('auth/signup/patient/', input);
  return { ...patient, password: input.password };
}

/** Create an approved admin (`POST /auth/signup/admin/`; the e2e server's policy is `open`). */
export async function signUpAdmin(
  api: HmsApi,
  overrides: Partial<PersonInput> = {},
): Promise<WithPassword<Account>> {
  const input = newPerson('e2e.admin', overrides);
  const admin = await api.post<Account>('auth/signup/admin/', input);
  return { ...admin, password: input.password };
}

/** An admin registers a doctor (`POST /doctors/`): approved at once (SPEC section 1). */
export async function registerDoctor(
  admin: HmsApi,
  overrides: Partial<DoctorInput> = {},
): Promise<WithPassword<Doctor>> {
  const input = newDoctorInput(overrides);
  const doctor = await admin.post<Doctor>('doctors/', input);
  return { ...doctor, password: input.password };
}

/**
 * An admin registers a patient (`POST /patients/`): approved at once (SPEC section 1), optionally
 * with an `assigned_doctor`.
 */
export async function registerPatient(
  admin: HmsApi,
  overrides: Partial<PatientRegistrationInput> = {},
): Promise<WithPassword<Patient>> {
  const { assigned_doctor: assignedDoctor, ...person } = overrides;
  const input: PatientRegistrationInput = {
    ...newPatientInput(person),
    ...(assignedDoctor === undefined ? {} : { assigned_doctor: assignedDoctor }),
  };
  const patient = await admin.post<Patient>('patients/', input);
  return { ...patient, password: input.password };
}

export function approveDoctor(admin: HmsApi, id: number): Promise<Doctor> {
  return admin.post<Doctor>(`doctors/${id}/approve/`);
}

export function rejectDoctor(admin: HmsApi, id: number, reason?: string): Promise<Doctor> {
  return admin.post<Doctor>(`doctors/${id}/reject/`, reason === undefined ? {} : { reason });
}

export function approvePatient(admin: HmsApi, id: number): Promise<Patient> {
  return admin.post<Patient>(`patients/${id}/approve/`);
}

export function rejectPatient(admin: HmsApi, id: number, reason?: string): Promise<Patient> {
  return admin.post<Patient>(`patients/${id}/reject/`, reason === undefined ? {} : { reason });
}

/** A doctor who applied and was approved: the usual way to get a doctor of one's own. */
export async function approvedDoctor(
  admin: HmsApi,
  overrides: Partial<DoctorInput> = {},
): Promise<WithPassword<Doctor>> {
  const applied = await signUpDoctor(admin, overrides);
  return { ...(await approveDoctor(admin, applied.id)), password: applied.password };
}

/** A patient who signed up and was approved. */
export async function approvedPatient(
  admin: HmsApi,
  overrides: Partial<PatientInput> = {},
): Promise<WithPassword<Patient>> {
  const applied = await signUpPatient(admin, overrides);
  return { ...(await approvePatient(admin, applied.id)), password: applied.password };
}
