import { describe, expect, it } from 'vitest';
import type { NetworkActor } from './network-permissions';
import type { NetworkRole } from './network-api';
import { mayAnswerSurvey, mayManageSurveys, maySeeSurvey, maySeeSurveyResults } from './survey-permissions';

const person = (role: NetworkRole, networkId = 'net-zielona'): NetworkActor => ({
  kind: 'person',
  networkId,
  personId: 'person-1',
  role,
});
const office: NetworkActor = { kind: 'office' };

describe('survey rules', () => {
  it('[SV1] the pair and the office manage surveys; the organiser and the cities do not; another network not at all', () => {
    expect(mayManageSurveys(office, 'net-zielona')).toBe(true);
    expect(mayManageSurveys(person('expert'), 'net-zielona')).toBe(true);
    expect(mayManageSurveys(person('facilitator'), 'net-zielona')).toBe(true);
    expect(mayManageSurveys(person('organiser'), 'net-zielona')).toBe(false);
    expect(mayManageSurveys(person('representative'), 'net-zielona')).toBe(false);
    expect(mayManageSurveys(person('expert', 'net-other'), 'net-zielona')).toBe(false);
  });

  it('[SV2] representatives and substitutes of core cities answer; an observer city only when invited', () => {
    const closedToObservers = { observersMayAnswer: false };
    const openToObservers = { observersMayAnswer: true };
    expect(
      mayAnswerSurvey(person('representative'), 'net-zielona', closedToObservers, 'programme-laureate'),
    ).toBe(true);
    expect(mayAnswerSurvey(person('substitute'), 'net-zielona', closedToObservers, 'leader-of-change')).toBe(
      true,
    );
    expect(mayAnswerSurvey(person('representative'), 'net-zielona', closedToObservers, 'observer')).toBe(
      false,
    );
    expect(mayAnswerSurvey(person('representative'), 'net-zielona', openToObservers, 'observer')).toBe(true);
    expect(mayAnswerSurvey(person('expert'), 'net-zielona', openToObservers, null)).toBe(false);
    expect(mayAnswerSurvey(person('representative'), 'net-zielona', openToObservers, null)).toBe(false);
    expect(mayAnswerSurvey(office, 'net-zielona', openToObservers, null)).toBe(false);
    expect(
      mayAnswerSurvey(
        person('representative', 'net-other'),
        'net-zielona',
        openToObservers,
        'programme-laureate',
      ),
    ).toBe(false);
  });

  it('[SV4] results: the pair, organiser and office at any time; the cities once closed', () => {
    expect(maySeeSurveyResults(person('organiser'), 'net-zielona', 'open')).toBe(true);
    expect(maySeeSurveyResults(person('representative'), 'net-zielona', 'open')).toBe(false);
    expect(maySeeSurveyResults(person('representative'), 'net-zielona', 'closed')).toBe(true);
    expect(maySeeSurveyResults(person('representative', 'net-other'), 'net-zielona', 'closed')).toBe(false);
    expect(maySeeSurveyResults(office, 'net-zielona', 'draft')).toBe(true);
  });

  it('[SV5] a draft is the pair’s; an open or closed survey is the network’s', () => {
    expect(maySeeSurvey(person('representative'), 'net-zielona', 'draft')).toBe(false);
    expect(maySeeSurvey(person('representative'), 'net-zielona', 'open')).toBe(true);
    expect(maySeeSurvey(person('representative', 'net-other'), 'net-zielona', 'open')).toBe(false);
  });
});
