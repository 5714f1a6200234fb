import { create } from 'zustand';
import type { StepVisit } from './step-times';

/** The step moves this device has seen on the open board (for planned vs actual time). */
export const useStepVisitsStore = create<{ visits: StepVisit[] }>(() => ({ visits: [] }));
