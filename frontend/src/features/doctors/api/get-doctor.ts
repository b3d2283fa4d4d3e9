import { useQuery } from '@tanstack/react-query';

import { doctorQueryOptions, isWholeProfile } from '@/lib/api/resources/doctors';

/** One doctor's profile and account status (the admin's view). */
export function useDoctor(id: number) {
  return useQuery({
    ...doctorQueryOptions(id),
    select: (doctor) => {
      if (!isWholeProfile(doctor)) {
        throw new Error('Only an admin sees a doctor’s whole profile.');
      }
      return doctor;
    },
  });
}
