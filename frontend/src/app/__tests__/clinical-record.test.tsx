import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import type { components } from '@/lib/api/schema';
import { users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';
import { page } from '@/test/workspace-fixtures';

type VisitNote = components['schemas']['VisitNote'];
type VisitNoteCreateRequest = components['schemas']['VisitNoteCreateRequest'];

function visitNote(changes: Partial<VisitNote> = {}): VisitNote {
  return {
    id: 5,
    patient: 11,
    patient_name: 'Ravi Kumar',
    author: 7,
    author_name: 'Meera Iyer',
    author_department: 'Cardiologist',
    status: 'DRAFT',
    created_at: '2026-11-26T10:00:00+05:30',
    updated_at: '2026-11-26T10:00:00+05:30',
    signed_at: null,
    appointment: 31,
    appointment_starts_at: '2026-11-26T09:30:00+05:30',
    chief_complaint: 'Chest pain',
    findings: '',
    diagnosis: 'Stable angina',
    icd10_code: '',
    icd10_description: '',
    plan: '',
    vitals: null,
    prescription: null,
    addenda: [],
    ...changes,
  };
}

describe('the doctor writes a visit note', () => {
  it('saves the note with vitals and a prescription, then signs it after confirmation', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    let stored: VisitNote | null = null;
    const posted: VisitNoteCreateRequest[] = [];
    const signed: number[] = [];
    server.use(
      http.get('/api/v1/clinical/visit-notes/', ({ response }) =>
        response(200).json(page(stored === null ? [] : [stored])),
      ),
      http.post('/api/v1/clinical/visit-notes/', async ({ request, response }) => {
        const body = await request.json();
        posted.push(body);
        stored = visitNote({ chief_complaint: body.chief_complaint, diagnosis: body.diagnosis });
        return response(201).json(stored);
      }),
      http.post('/api/v1/clinical/visit-notes/{id}/sign/', ({ params, response }) => {
        signed.push(Number(params.id));
        stored = visitNote({ status: 'SIGNED', signed_at: '2026-11-26T10:05:00+05:30' });
        return response(200).json(stored);
      }),
    );
    const { user } = renderApp('/doctor/appointments/31/note');

    await user.type(await screen.findByLabelText('Chief complaint'), 'Chest pain');
    await user.type(screen.getByLabelText('Diagnosis'), 'Stable angina');
    await user.type(screen.getByLabelText('Systolic (mmHg)'), '142');
    await user.type(screen.getByLabelText('Diastolic (mmHg)'), '91');
    await user.type(screen.getByLabelText('Temperature (°C)'), '37.8');
    await user.click(screen.getByRole('button', { name: 'Add medicine' }));
    await user.type(screen.getByLabelText('Medicine 1'), 'Aspirin');
    await user.type(screen.getByLabelText('Strength 1'), '75 mg');
    await user.type(screen.getByLabelText('Dose 1'), '1 tablet');
    await user.type(screen.getByLabelText('Frequency 1'), 'once a day');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => {
      expect(posted).toHaveLength(1);
    });
    expect(posted[0]).toEqual({
      appointment: 31,
      chief_complaint: 'Chest pain',
      findings: '',
      diagnosis: 'Stable angina',
      icd10_code: '',
      plan: '',
      vitals: { systolic_mmhg: 142, diastolic_mmhg: 91, temperature_c: '37.8' },
      prescription_lines: [
        {
          medicine: 'Aspirin',
          strength: '75 mg',
          dose: '1 tablet',
          route: 'ORAL',
          frequency: 'once a day',
          duration_days: 5,
          instructions: '',
        },
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'Sign visit note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign this visit note?' });
    expect(signed).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));

    await waitFor(() => {
      expect(signed).toEqual([5]);
    });
    expect(await screen.findByText('Signed')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    // An empty addendum is not sent: the field says what is missing.
    await user.click(screen.getByRole('button', { name: 'Sign addendum' }));
    expect(screen.getByLabelText(/^New addendum/)).toHaveAccessibleDescription(
      'Write the addendum first.',
    );
  });

  it('shows the server’s field errors next to the vitals and the medicine', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    server.use(
      http.get('/api/v1/clinical/visit-notes/', ({ response }) => response(200).json(page([]))),
      http.post('/api/v1/clinical/visit-notes/', ({ response }) =>
        response(400).json({
          code: 'VALIDATION_ERROR',
          message: 'Some fields are not valid.',
          fields: {
            'vitals.spo2_percent': ['SpO₂ must be between 50 and 100 %.'],
            'prescription_lines[0].dose': ['This field may not be blank.'],
          },
        }),
      ),
    );
    const { user } = renderApp('/doctor/appointments/31/note');

    await user.type(await screen.findByLabelText('SpO₂ (%)'), '40');
    await user.click(screen.getByRole('button', { name: 'Add medicine' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('SpO₂ must be between 50 and 100 %.')).toBeVisible();
    expect(screen.getByText('This field may not be blank.')).toBeVisible();
  });
});

describe('the patient timeline', () => {
  it('lists the record newest first and downloads a prescription with the access token', async () => {
    mockAuth.refreshCookieUser = users.patient;
    const downloads: (string | null)[] = [];
    server.use(
      http.get('/api/v1/clinical/patients/{id}/timeline/', ({ params, response }) =>
        response(200).json({
          patient: Number(params.id),
          patient_name: 'Ravi Kumar',
          entries: [
            {
              kind: 'PRESCRIPTION',
              id: 9,
              at: '2026-11-26T10:05:00+05:30',
              title: 'Prescription',
              status: 'SIGNED',
              doctor_name: 'Meera Iyer',
              appointment: 31,
              admission: null,
              has_pdf: true,
            },
            {
              kind: 'VISIT',
              id: 31,
              at: '2026-11-26T09:30:00+05:30',
              title: 'Visit: Chest pain',
              status: 'COMPLETED',
              doctor_name: 'Meera Iyer',
              appointment: 31,
              admission: null,
              has_pdf: false,
            },
          ],
        }),
      ),
      http.get('/api/v1/clinical/prescriptions/{id}/pdf/', ({ request, response }) => {
        downloads.push(request.headers.get('Authorization'));
        return response.untyped(
          new HttpResponse('%PDF-1.7 rx', { headers: { 'Content-Type': 'application/pdf' } }),
        );
      }),
    );
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:rx');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(`${this.download} ${this.href}`);
    });
    const { user } = renderApp('/patient/record');

    expect(await screen.findByRole('heading', { level: 1, name: 'My health record' })).toBeVisible();
    const download = await screen.findByRole('button', { name: 'Download prescription PDF' });
    const visit = screen.getByText('Visit: Chest pain');
    // Newest first: the prescription (10:05) above the visit (09:30).
    expect(download.compareDocumentPosition(visit) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(screen.queryByRole('button', { name: /Download visit/ })).toBeNull();
    await user.click(download);

    await waitFor(() => {
      expect(saved).toEqual(['prescription-9.pdf blob:rx']);
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatch(/^Bearer access-ravi-/);
  });
});
