import type { Message } from '../translate';
import type { networkDocumentsPl } from './network-documents.pl';

/** The document space's messages in English: the same keys as `network-documents.pl.ts`. */
export const networkDocumentsEn = {
  'documents.link': 'Network documents',
  'documents.eyebrow': 'Network documents',
  'documents.lead':
    "The network's files in one place: PDF, Word, Excel and pictures. Every version is kept, with who added it and when.",
  'documents.leadObserver': 'These are the documents the network’s moderators shared with observer cities.',
  'documents.backToNetwork': '← Network page',
  'documents.backToHome': '← My page',

  'documents.upload.heading': 'Add files',
  'documents.upload.drop': 'Drop files here or',
  'documents.upload.pick': 'Choose files',
  'documents.upload.into': 'Into folder',
  'documents.upload.top': 'No folder',
  'documents.upload.hint':
    'PDF, Word (.docx), Excel (.xlsx), PNG, JPEG or WebP, up to {max} MB. A file with the same name in the same folder becomes its new version.',
  'documents.upload.sending': 'Sending: {name}…',
  'documents.upload.done': 'Added: {name}',
  'documents.upload.doneVersion': 'Added a new version: {name}',
  'documents.usage': 'Used: {used} of {quota}',

  'documents.folder.new': 'New folder',
  'documents.folder.create': 'Create folder',
  'documents.folder.top': 'Files without a folder',
  'documents.folder.empty': 'The folder is empty.',
  'documents.folder.shared': 'Folder shared with observers',
  'documents.folder.share': 'Share the folder with observers',
  'documents.folder.unshare': 'Stop sharing the folder',

  'documents.empty': 'No files yet.',
  'documents.emptyObserver': 'Nothing has been shared with observer cities yet.',
  'documents.file.download': 'Download',
  'documents.file.downloadNamed': 'Download {name}',
  'documents.file.version': 'version {version}',
  'documents.file.uploadedBy': '{who}, {when}',
  'documents.file.office': 'ZMP office',
  'documents.file.versions': { one: '{count} version', other: '{count} versions' },
  'documents.file.olderVersions': 'Earlier versions',
  'documents.file.shared': 'Visible to observers',
  'documents.file.sharedByFolder': 'Visible to observers (through its folder)',
  'documents.file.share': 'Share with observers',
  'documents.file.unshare': 'Stop sharing',
  'documents.file.moveTo': 'Move to',
  'documents.file.delete': 'Delete',
  'documents.file.confirmDelete': 'Delete “{name}”? The file stays under “Deleted” for the moderators.',
  'documents.file.confirm': 'Yes, delete',
  'documents.file.cancel': 'Cancel',
  'documents.deleted.heading': 'Deleted',
  'documents.deleted.hint':
    'Only the network’s moderators, the organiser and the office see these; they can be downloaded.',
  'documents.deleted.at': 'deleted {when}',

  'documents.error.noToken': 'Open this page with your personal link.',
  'documents.error.linkEnded': 'This link no longer works. Ask the network’s moderator for a new one.',
  'documents.error.forbidden': 'These are not your network’s documents.',
  'documents.error.notFound': 'No such network or file.',
  'documents.error.tooLarge': '“{name}” is too large: at most {max} MB.',
  'documents.error.mismatch':
    '“{name}” is not what its name says. Save it again as PDF, Word, Excel or a picture.',
  'documents.error.unsupported': 'Files like “{name}” are not kept here: only PDF, Word, Excel and pictures.',
  'documents.error.quota': 'The network’s document space is full. Ask the ZMP office for more room.',
  'documents.error.exists': 'That name is already here.',
  'documents.error.badName': 'The name is empty or too long.',
  'documents.error.rateLimited': 'Too many changes at once; try again in a moment.',
  'documents.error.save': 'The change could not be saved. Try again.',
} satisfies Record<keyof typeof networkDocumentsPl, Message>;
