import { describe, expect, it } from 'vitest';
import {
  REPORT_DUE_DAYS,
  actualMinutesByStep,
  agendaTotals,
  mayReport,
  meetingReportContentSchema,
  prefillReport,
  reportDeadlineState,
  reportDueBy,
  reportTally,
  saveReportRequestSchema,
  type ReportPrefillInput,
} from './meeting-report';
import type { NetworkActor } from './network-permissions';

const minute = 60_000;
const start = Date.parse('2026-11-26T09:00:00Z');

/** A Format 2 meeting of three steps and a break, as the server gathers it. */
const fixture: ReportPrefillInput = {
  agenda: [
    { stepId: 'challenge', title: { pl: 'Wyzwanie', en: 'Challenge' }, plannedMinutes: 15 },
    { stepId: 'break', title: { pl: 'Przerwa', en: 'Break' }, plannedMinutes: 15 },
    { stepId: 'barriers', title: { pl: 'Bariery', en: 'Barriers' }, plannedMinutes: 20 },
    { stepId: 'grouping', title: { pl: 'Grupowanie', en: 'Grouping' }, plannedMinutes: 20 },
  ],
  // The group ran the challenge 22 minutes, went to barriers, came back to the challenge for 3
  // minutes, then barriers again and grouping (still running: its end is not known).
  stepLog: [
    { stepId: 'challenge', startedAt: start },
    { stepId: 'barriers', startedAt: start + 22 * minute },
    { stepId: 'challenge', startedAt: start + 40 * minute },
    { stepId: 'barriers', startedAt: start + 43 * minute },
    { stepId: 'grouping', startedAt: start + 50 * minute + 20_000 },
  ],
  attendance: [
    { name: 'Ala Nowak', city: 'Gdynia', role: 'representative', where: 'room' },
    { name: 'Bartek Zając', city: 'Poznań', role: 'representative', where: 'online' },
  ],
  results: ['Brak budżetu na szkolenia', 'Najpierw szkolenia urzędników'],
  nextSteps: ['Gdynia przygotuje ankietę do 15 grudnia'],
  photos: [{ id: 'ph1', stepId: 'barriers', author: 'Fela Nowak', takenAt: '2026-11-26T09:30:00.000Z' }],
};

describe('actual minutes from the board’s step log', () => {
  it('a stint lasts until the next move; a step the group came back to adds its stints', () => {
    const actual = actualMinutesByStep(fixture.stepLog);
    expect(actual.get('challenge')).toBe(25);
    // 18 + 7m20s, rounded to whole minutes.
    expect(actual.get('barriers')).toBe(25);
  });

  it('the last stint and a step never reached are not measured', () => {
    const actual = actualMinutesByStep(fixture.stepLog);
    expect(actual.has('grouping')).toBe(false);
    expect(actual.has('break')).toBe(false);
    expect(actualMinutesByStep([]).size).toBe(0);
  });
});

describe('the report as first opened', () => {
  it('is prefilled from the agenda, the step log, attendance, the approved note and the photos', () => {
    const report = prefillReport(fixture);
    expect(meetingReportContentSchema.parse(report)).toEqual(report);
    expect(report.planned).toBe(
      '• Wyzwanie (15 min)\n• Przerwa (15 min)\n• Bariery (20 min)\n• Grupowanie (20 min)',
    );
    expect(report.agenda.map((item) => [item.stepId, item.plannedMinutes, item.actualMinutes])).toEqual([
      ['challenge', 15, 25],
      ['break', 15, null],
      ['barriers', 20, 25],
      ['grouping', 20, null],
    ]);
    expect(report.attendance).toEqual(fixture.attendance);
    expect(report.results).toBe('• Brak budżetu na szkolenia\n• Najpierw szkolenia urzędników');
    expect(report.nextSteps).toBe('• Gdynia przygotuje ankietę do 15 grudnia');
    expect(report.photos).toEqual(fixture.photos);
    // The pair's own words are the pair's to write.
    expect(report.happened).toBe('');
    expect(report.difficulties).toBe('');
  });

  it('without an approved note, results and next steps start empty rather than from a draft', () => {
    const report = prefillReport({ ...fixture, results: null, nextSteps: null });
    expect(report.results).toBe('');
    expect(report.nextSteps).toBe('');
  });

  it('totals the planned minutes, and the actual ones over the items measured', () => {
    expect(agendaTotals(prefillReport(fixture).agenda)).toEqual({
      planned: 70,
      actual: 50,
      measured: 2,
      plannedMeasured: 35,
    });
    expect(agendaTotals(prefillReport({ ...fixture, stepLog: [] }).agenda)).toEqual({
      planned: 70,
      actual: null,
      measured: 0,
      plannedMeasured: 0,
    });
  });
});

describe('the deadline: overdue more than two weeks after the meeting', () => {
  const meeting = '2026-11-02T10:00';

  it('is two weeks after the meeting, on the Warsaw wall clock', () => {
    expect(REPORT_DUE_DAYS).toBe(14);
    expect(reportDueBy(meeting)).toBe('2026-11-16T10:00');
  });

  it('not held before the meeting, due after it, overdue past the deadline, submitted whenever submitted', () => {
    expect(reportDeadlineState(meeting, false, '2026-11-02T09:59')).toBe('not-held');
    expect(reportDeadlineState(meeting, false, '2026-11-02T10:00')).toBe('due');
    expect(reportDeadlineState(meeting, false, '2026-11-16T10:00')).toBe('due');
    expect(reportDeadlineState(meeting, false, '2026-11-16T10:01')).toBe('overdue');
    expect(reportDeadlineState(meeting, true, '2027-01-01T00:00')).toBe('submitted');
  });

  it('tallies a network’s meetings for the office: planned ones count nowhere', () => {
    const tally = reportTally(
      [
        { id: 'm1', title: 'Spotkanie 1', startsAt: '2026-10-01T10:00', submitted: true },
        { id: 'm2', title: 'Spotkanie 2', startsAt: '2026-10-20T10:00', submitted: false },
        { id: 'm3', title: 'Spotkanie 3', startsAt: '2026-11-20T10:00', submitted: false },
        { id: 'm4', title: 'Spotkanie 4', startsAt: '2026-12-20T10:00', submitted: false },
      ],
      '2026-11-25T12:00',
    );
    expect(tally).toEqual({
      submitted: 1,
      due: [{ meetingId: 'm3', title: 'Spotkanie 3', startsAt: '2026-11-20T10:00' }],
      overdue: [{ meetingId: 'm2', title: 'Spotkanie 2', startsAt: '2026-10-20T10:00' }],
    });
  });
});

describe('who may do what with a report [FR1]–[FR4]', () => {
  const person = (role: string, networkId = 'n1'): NetworkActor =>
    ({ kind: 'person', networkId, personId: 'p', role }) as NetworkActor;
  const acts = (actor: NetworkActor) =>
    (['report.read', 'report.write', 'report.return'] as const).filter((act) => mayReport(actor, act, 'n1'));

  it('the pair writes, the organiser reads, the office reads and returns, others nothing', () => {
    expect(acts(person('facilitator'))).toEqual(['report.read', 'report.write']);
    expect(acts(person('expert'))).toEqual(['report.read', 'report.write']);
    expect(acts(person('organiser'))).toEqual(['report.read']);
    expect(acts({ kind: 'office' })).toEqual(['report.read', 'report.return']);
    expect(acts(person('representative'))).toEqual([]);
    expect(acts(person('substitute'))).toEqual([]);
    expect(acts(person('facilitator', 'n2'))).toEqual([]);
  });
});

describe('a save request', () => {
  it('refuses a form with a field too long or an unknown place of attendance', () => {
    const content = prefillReport(fixture);
    expect(saveReportRequestSchema.safeParse({ revision: 0, content }).success).toBe(true);
    expect(
      saveReportRequestSchema.safeParse({
        revision: 0,
        content: { ...content, difficulties: 'x'.repeat(4001) },
      }).success,
    ).toBe(false);
    expect(
      saveReportRequestSchema.safeParse({
        revision: 0,
        content: { ...content, attendance: [{ name: 'A', city: null, role: null, where: 'kitchen' }] },
      }).success,
    ).toBe(false);
    expect(saveReportRequestSchema.safeParse({ revision: -1, content }).success).toBe(false);
  });
});
