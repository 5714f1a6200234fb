import type { Message } from '../translate';
import type { meetingReportPl } from './meeting-report.pl';

export const meetingReportEn: Record<keyof typeof meetingReportPl, Message> = {
  'report.eyebrow': 'Meeting report',
  'report.lead':
    'The ZMP office’s form the facilitator fills in after every meeting. We prefilled it with what the meeting and its board tell — correct it, add the difficulties and submit it to the office.',
  'report.backToNetwork': '← Network page',
  'report.open': 'Report',
  'report.openFor': 'Report of the meeting “{title}”',

  'report.status.new': 'New, not saved yet',
  'report.status.draft': 'Draft',
  'report.status.submitted': 'Submitted to the office',
  'report.deadline.not-held': 'The meeting has not taken place yet: the report is written after it.',
  'report.deadline.due': 'Due by {date}',
  'report.deadline.overdue': 'Overdue — due by {date}',
  'report.deadline.submitted': 'Submitted {date}, {name}',

  'report.section.planned': 'What was planned',
  'report.section.happened': 'What happened',
  'report.section.attendance': 'Attendance',
  'report.section.agenda': 'Time: planned and actual',
  'report.section.results': 'Results',
  'report.section.difficulties': 'Difficulties',
  'report.section.nextSteps': 'Next steps',
  'report.section.photos': 'Photos of the sheets',

  'report.hint.planned': 'From the meeting’s agenda.',
  'report.hint.happened': 'How the meeting went, in your words: what went as planned, what did not.',
  'report.hint.attendance':
    'From the attendance list the organiser keeps; while it is not kept, from the invitation answers and who joined the board.',
  'report.hint.agenda':
    'Planned from the meeting’s agenda, actual from the board (when the group moved on to each step). The board does not know when the last item ended: enter its time yourself; you may correct any time.',
  'report.hint.results': 'From the approved notes: decisions and conclusions.',
  'report.hint.resultsNoNote':
    'The meeting notes are not approved yet, so nothing was copied here: write the results, or come back after the approval.',
  'report.hint.difficulties': 'What made the work harder: turnout, technology, time, the topic.',
  'report.hint.nextSteps': 'From the approved notes: next steps.',
  'report.hint.nextStepsNoNote': 'The notes are not approved yet: write the next steps the group agreed.',

  'report.attendance.count': { one: '{count} person attended', other: '{count} people attended' },
  'report.attendance.none': 'Nobody is recorded as present.',
  'report.attendance.name': 'Name',
  'report.attendance.city': 'City',
  'report.attendance.where': 'Attended',
  'report.where.room': 'in the room',
  'report.where.online': 'online',
  'report.where.present': 'present',

  'report.agenda.item': 'Agenda item',
  'report.agenda.planned': 'Planned (min)',
  'report.agenda.actual': 'Actual (min)',
  'report.agenda.comment': 'Comments',
  'report.agenda.total': 'Total',
  'report.agenda.notMeasured': 'not measured',
  'report.agenda.none': 'The meeting has no agenda.',
  'report.agenda.actualOf': 'Actual time: {item}',
  'report.agenda.partial':
    'Actual time was measured for {measured} of {count} agenda items; their plan is {planned} min.',
  'report.agenda.commentOf': 'Comments: {item}',

  'report.photos.count': {
    one: '{count} photo of a sheet from the board',
    other: '{count} photos of sheets from the board',
  },
  'report.photos.none': 'The board has no photos of sheets.',
  'report.photos.line': '{author}, {time}',

  'report.save.idle': 'Changes save themselves.',
  'report.save.pending': 'Unsaved changes…',
  'report.save.saving': 'Saving…',
  'report.save.saved': 'Saved at {time}.',
  'report.submit': 'Submit the report to the office',
  'report.submitting': 'Submitting…',
  'report.submittedNote':
    'The report is with the ZMP office. It can be changed only once the office returns it for corrections.',
  'report.docx': 'Download as Word (.docx)',
  'report.readOnly': 'The report is written by the network’s facilitator and experts; here you can read it.',
  'report.returned': 'The office returned the report for corrections ({date}): “{reason}”',
  'report.return.open': 'Return for corrections',
  'report.return.reason': 'What should be corrected?',
  'report.return.send': 'Return the report',
  'report.return.cancel': 'Cancel',

  'report.error.load': 'The report could not be loaded.',
  'report.error.stale':
    'Someone else saved the report meanwhile. Load it again; copy your changes first if you need them.',
  'report.error.alreadySubmitted': 'The report was already submitted to the office.',
  'report.error.notHeld': 'The meeting has not taken place yet.',
  'report.error.forbidden': 'The report is read by the network’s pair, its organiser and the office.',
  'report.error.save': 'The report could not be saved. Try again.',
  'report.reload': 'Load again',

  'report.office.col': 'Reports',
  'report.office.submitted': { one: '{count} submitted', other: '{count} submitted' },
  'report.office.due': 'due:',
  'report.office.overdue': 'overdue:',
  'report.office.noneHeld': 'no meetings held',

  'report.docx.title': 'Facilitator’s report of a network meeting',
  'report.docx.network': 'Network',
  'report.docx.meeting': 'Meeting',
  'report.docx.date': 'Date of the meeting',
  'report.docx.status': 'Status',
  'report.docx.updated': 'Last change',
  'report.docx.photoLine': 'Photo {id}: {author}, {time}',
};
