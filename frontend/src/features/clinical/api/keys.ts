import type { components } from '@/lib/api/schema';

export type VisitNote = components['schemas']['VisitNote'];
export type VisitNoteBody = components['schemas']['VisitNoteWriteRequest'];
export type PrescriptionLineBody = components['schemas']['PrescriptionLineRequest'];
export type VitalsBody = components['schemas']['VitalsInputRequest'];
export type DischargeSummary = components['schemas']['DischargeSummary'];
export type DischargeSummaryBody = components['schemas']['DischargeSummaryWriteRequest'];
export type ProgressNote = components['schemas']['ProgressNote'];
export type TimelineEntry = components['schemas']['TimelineEntry'];
