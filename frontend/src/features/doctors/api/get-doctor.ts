import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

import { type Doctor, doctorKeys } from './keys';

/** The admin's answer is the whole profile; a patient's is only the card (no account fields). */
function isWholeProfile(doctor: components['schemas']['DoctorForViewer']): doctor is Doctor {
  return 'username' in doctor;
}

/** One doctor's profile and account status (the admin's view). */
export function useDoctor(id: number) {
  return useQuery({
    queryKey: doctorKeys.detail(id),
    queryFn: async () => {
      const doctor = unwrap(await api.GET('/api/v1/doctors/{id}/', { params: { path: { id } } }));
      if (!isWholeProfile(doctor)) {
        throw new Error('Only an admin sees a doctor’s whole profile.');
      }
      return doctor;
    },
  });
}
