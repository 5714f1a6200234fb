import { describe, expect, it } from 'vitest';
import { invitationMessage, longDate } from './invitation-message';

const meeting = {
  title: 'Spotkanie 2: <rozwiązania> & "pomysły"',
  startsAt: '2027-10-31T09:30',
  endsAt: '2027-10-31T11:00',
  mode: 'online' as const,
  hostCity: null,
  venue: '',
  room: '',
  agenda: [
    { kind: 'expert-input' as const, title: '', minutes: 45 },
    { kind: 'free-discussion' as const, title: 'Pytania do ekspertki', minutes: 45 },
  ],
};

describe('the invitation e-mail', () => {
  const message = invitationMessage({
    networkName: 'Zasoby miast',
    meeting,
    personName: 'Zofia Żółkiewska',
    personalLink: 'https://empiria.example.pl/me?token=abc&x=1',
  });

  it('dates in Polish and English, on the Warsaw day whatever the server zone', () => {
    expect(longDate('pl', '2027-10-31T09:30')).toBe('niedziela, 31 października 2027');
    expect(longDate('en', '2027-10-31T23:30')).toBe('Sunday, 31 October 2027');
  });

  it('says online, lists the agenda with times and minutes, Polish before English', () => {
    expect(message.subject).toBe(
      'Zaproszenie: Spotkanie 2: <rozwiązania> & "pomysły", niedziela, 31 października 2027',
    );
    expect(message.text).toContain('Gdzie: on-line');
    expect(message.text).toContain('09:30–10:15 Wystąpienie eksperta (45 min)');
    expect(message.text).toContain('10:15–11:00 Pytania do ekspertki (45 min)');
    expect(message.text).toContain("09:30–10:15 Expert's input (45 min)");
    expect(message.text.indexOf('Program:')).toBeLessThan(message.text.indexOf('Agenda:'));
  });

  it('escapes what people typed in the HTML and links the personal link', () => {
    expect(message.html).not.toContain('<rozwiązania>');
    expect(message.html).toContain('&lt;rozwiązania&gt; &amp; &quot;pomysły&quot;');
    expect(message.html).toContain('<a href="https://empiria.example.pl/me?token=abc&amp;x=1">');
    expect(message.html).toContain('<div lang="pl">');
    expect(message.html).toContain('<div lang="en">');
  });
});
