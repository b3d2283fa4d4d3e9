import type { ApiErrorBody, ErrorCode } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import type { CurrentUser } from '@/lib/auth/session';
import type { Hospital } from '@/lib/hospital';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export const hospital: Hospital = {
  name: 'St. Luke Test Hospital',
  address: '1 Hospital Road, Bengaluru 560001, India',
  time_zone: 'Asia/Kolkata',
  currency: 'INR',
  admin_signup_policy: 'code',
  slot_minutes: 30,
};

export const departments: Json<'/api/v1/departments/', 'get'> = [
  { code: 'CARDIOLOGIST', name: 'Cardiologist' },
  { code: 'DERMATOLOGISTS', name: 'Dermatologists' },
];

export const doctorDirectory: Json<'/api/v1/doctors/directory/', 'get'> = {
  count: 2,
  next: null,
  previous: null,
  results: [
    { id: 7, full_name: 'Meera Iyer', department: 'CARDIOLOGIST', department_name: 'Cardiologist' },
    {
      id: 9,
      full_name: 'Arjun Rao',
      department: 'DERMATOLOGISTS',
      department_name: 'Dermatologists',
    },
  ],
};

const person = {
  email: '',
  mobile: '',
  address: '',
  department: null,
  symptoms: null,
  date_of_birth: null,
  assigned_doctor: null,
  doctor_id: null,
  patient_id: null,
} satisfies Partial<CurrentUser>;

export const users = {
  admin: {
    ...person,
    id: 1,
    username: 'asha',
    first_name: 'Asha',
    last_name: 'Nair',
    full_name: 'Asha Nair',
    role: 'ADMIN',
    status: 'APPROVED',
  },
  doctor: {
    ...person,
    id: 2,
    username: 'drmeera',
    first_name: 'Meera',
    last_name: 'Iyer',
    full_name: 'Meera Iyer',
    role: 'DOCTOR',
    status: 'APPROVED',
    department: 'CARDIOLOGIST',
    doctor_id: 7,
  },
  patient: {
    ...person,
    id: 3,
    username: 'ravi',
    first_name: 'Ravi',
    last_name: 'Kumar',
    full_name: 'Ravi Kumar',
    role: 'PATIENT',
    status: 'APPROVED',
    symptoms: 'Chest pain',
    assigned_doctor: 7,
    patient_id: 11,
  },
} satisfies Record<string, CurrentUser>;

export function errorBody(
  code: ErrorCode,
  message: string,
  fields: ApiErrorBody['fields'] = {},
): ApiErrorBody {
  return { code, message, fields };
}
