import type { Message } from '../translate';
import type { boardSurveysPl } from './board-surveys.pl';

export const boardSurveysEn: Record<keyof typeof boardSurveysPl, Message> = {
  'boardSurveys.button': 'Surveys',
  'boardSurveys.buttonPending': { one: 'Surveys: {count} to fill in', other: 'Surveys: {count} to fill in' },
  'boardSurveys.heading': 'Surveys',
  'boardSurveys.close': 'Close surveys',
  'boardSurveys.loading': 'Loading surveys…',
  'boardSurveys.none': 'The network has no open surveys now.',
  'boardSurveys.toAnswer': 'To fill in',
  'boardSurveys.answer': 'Fill in',
  'boardSurveys.back': '← All surveys',
  'boardSurveys.answered': 'Answered — thank you.',
  'boardSurveys.notFromHome':
    'You answer surveys as a person of the network: open the board from your page (your personal link), or fill the survey in there.',

  'boardSurveys.prompt': 'The facilitators ask you to fill in a survey: {survey}.',
  'boardSurveys.promptOpen': 'Fill it in now',
  'boardSurveys.promptLater': 'Later',

  'boardSurveys.lead.heading': 'Ask the room',
  'boardSurveys.lead.askEvaluation': 'Ask for the meeting evaluation',
  'boardSurveys.lead.askEvaluationHint':
    'Everyone on the board sees the request and the form. If the meeting has no evaluation yet, one is made from the template (anonymous) and opened.',
  'boardSurveys.lead.asking': 'The room is filling in: {survey}',
  'boardSurveys.lead.count': { one: '{count} person has answered', other: '{count} people have answered' },
  'boardSurveys.lead.countHint': 'You see only how many have answered, not who.',
  'boardSurveys.lead.stopAsking': 'End the request',
  'boardSurveys.lead.ask': 'Ask the room',
  'boardSurveys.lead.show': 'Show results to the room',
  'boardSurveys.lead.hide': 'Hide results',
  'boardSurveys.lead.showing': 'The room sees the results',
  'boardSurveys.lead.others': 'Network surveys',

  'boardSurveys.results.heading': 'Results: {survey}',
  'boardSurveys.results.shownBy': 'The facilitators show the results to the whole room.',

  'boardSurveys.error.load': 'Could not load the surveys. Try again.',
  'boardSurveys.error.noNetwork': 'This board is not a network meeting’s, so it has no surveys.',
  'boardSurveys.error.closed':
    'This meeting’s evaluation is closed already. Make a new one on the network’s surveys page.',
};
