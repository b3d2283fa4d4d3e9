/**
 * The demo accounts `seed_demo` creates (backend/hms/{accounts,doctors,patients}/demo.py) in
 * every run's fresh database. They are shared by all tests running in parallel: log in with them
 * and read, but never change them (no approve/reject/delete, no profile or password change, no
 * bookings that could collide). A journey that changes state creates its own accounts (see
 * api.ts).
 */
export const DEMO_PASSWORD = 'hms-demo-password';

export const DEMO_ADMIN = { username: 'admin', fullName: 'Hospital Administrator' } as const;

/** Approved doctors; the assigned doctor of the patient with the same index in DEMO_PATIENTS. */
export const DEMO_DOCTORS = [
  { username: 'dr.anita', fullName: 'Anita Desai', department: 'CARDIOLOGIST' },
  { username: 'dr.rahul', fullName: 'राहुल वर्मा', department: 'DERMATOLOGISTS' },
  { username: 'dr.fatima', fullName: 'فاطمة الزهراء', department: 'EMERGENCY_MEDICINE_SPECIALISTS' },
  { username: 'dr.wei', fullName: '伟 王', department: 'ALLERGISTS_IMMUNOLOGISTS' },
  { username: 'dr.samuel', fullName: 'Samuel Okafor', department: 'ANESTHESIOLOGISTS' },
  { username: 'dr.lucia', fullName: 'Lucía Fernández', department: 'COLON_AND_RECTAL_SURGEONS' },
] as const;

export const DEMO_PENDING_DOCTORS = ['dr.arjun', 'dr.keiko'] as const;

/** Approved patients, each assigned to the doctor with the same index in DEMO_DOCTORS. */
export const DEMO_PATIENTS = [
  { username: 'priya', fullName: 'Priya Menon', doctor: 'dr.anita' },
  { username: 'arav', fullName: 'आरव गुप्ता', doctor: 'dr.rahul' },
  { username: 'omar', fullName: 'عمر حداد', doctor: 'dr.fatima' },
  { username: 'mei', fullName: '美 林', doctor: 'dr.wei' },
  { username: 'john', fullName: 'John Mathew', doctor: 'dr.samuel' },
  { username: 'sara', fullName: 'Sara Kapoor', doctor: 'dr.lucia' },
] as const;

export const DEMO_PENDING_PATIENTS = ['ravi', 'elena'] as const;
