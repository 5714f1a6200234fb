import { create } from 'zustand';
import {
  PRACTICAL_MEETING_FIELDS,
  type HostSuggestion,
  type Meeting,
  type MeetingMode,
  type MessageKey,
  type OwnAgendaItemKind,
  type UpdateMeetingRequest,
} from '@empiria/shared';
import {
  addOwnItem,
  addSteps,
  agendaFromDraft,
  draftFromAgenda,
  moveItem,
  removeItem,
  setItemMinutes,
  setItemTitle,
  type AgendaFormatId,
  type DraftItem,
} from './agenda-draft';
import * as api from './network-api-client';
import { actionError, meetingErrorField, type MeetingFormField } from './network-errors';
import { useNetworkStore } from './network-store';

/**
 * The meeting form's state: a new meeting ("Zaplanuj spotkanie") or a planned one being changed.
 * The agenda's edits are the pure functions of agenda-draft.ts; saving sends the whole form for a
 * new meeting and only what changed for a planned one (the organiser may change only the practical
 * fields, N3, so the rest is never sent for them).
 */

export interface MeetingFields {
  title: string;
  startsAt: string;
  mode: MeetingMode;
  /** '' for none. */
  hostCity: string;
  venue: string;
  room: string;
  cateringNotes: string;
}

type Editing = { kind: 'new' } | { kind: 'edit'; meeting: Meeting };

interface MeetingDraftState {
  editing: Editing | null;
  fields: MeetingFields;
  items: DraftItem[];
  suggestion: HostSuggestion | null;
  errors: Partial<Record<MeetingFormField, MessageKey>>;
  saving: boolean;

  startNew: () => Promise<void>;
  startEdit: (meeting: Meeting) => void;
  close: () => void;
  setField: <K extends keyof MeetingFields>(field: K, value: MeetingFields[K]) => void;
  addSteps: (format: AgendaFormatId, stepIds: readonly string[]) => void;
  addOwnItem: (kind: OwnAgendaItemKind, title: string, minutes: number) => void;
  moveItem: (index: number, direction: -1 | 1) => void;
  removeItem: (key: string) => void;
  setItemMinutes: (key: string, minutes: number) => void;
  setItemTitle: (key: string, title: string) => void;
  /** True when the meeting was stored. */
  save: () => Promise<boolean>;
}

const EMPTY_FIELDS: MeetingFields = {
  title: '',
  startsAt: '',
  mode: 'in-person',
  hostCity: '',
  venue: '',
  room: '',
  cateringNotes: '',
};

function fieldsOf(meeting: Meeting): MeetingFields {
  return {
    title: meeting.title,
    startsAt: meeting.startsAt,
    mode: meeting.mode,
    hostCity: meeting.hostCity ?? '',
    venue: meeting.venue,
    room: meeting.room,
    cateringNotes: meeting.cateringNotes,
  };
}

/** What changed against the stored meeting, limited to the fields the viewer may change. */
export function meetingPatch(
  meeting: Meeting,
  fields: MeetingFields,
  items: readonly DraftItem[],
  practicalOnly: boolean,
): UpdateMeetingRequest {
  const before = fieldsOf(meeting);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(fields) as (keyof MeetingFields)[]) {
    if (fields[key] === before[key]) continue;
    patch[key] = key === 'hostCity' ? fields.hostCity.trim() || null : fields[key];
  }
  const agenda = agendaFromDraft(items);
  if (JSON.stringify(agenda) !== JSON.stringify(agendaFromDraft(draftFromAgenda(meeting.agenda)))) {
    patch.agenda = agenda;
  }
  if (practicalOnly) {
    const practical: readonly string[] = PRACTICAL_MEETING_FIELDS;
    for (const key of Object.keys(patch)) if (!practical.includes(key)) delete patch[key];
  }
  return patch as UpdateMeetingRequest;
}

export const useMeetingDraftStore = create<MeetingDraftState>()((set, get) => {
  const editItems = (edit: (items: DraftItem[]) => DraftItem[]) =>
    set((state) => ({ items: edit(state.items), errors: { ...state.errors, agenda: undefined } }));

  return {
    editing: null,
    fields: EMPTY_FIELDS,
    items: [],
    suggestion: null,
    errors: {},
    saving: false,

    async startNew() {
      set({ editing: { kind: 'new' }, fields: EMPTY_FIELDS, items: [], suggestion: null, errors: {} });
      const { access, networkId } = useNetworkStore.getState();
      if (!access || !networkId) return;
      try {
        const suggestion = await api.fetchSuggestedHost(access.token, networkId);
        // The suggestion fills the host only while the facilitator has not chosen one.
        set((state) => ({
          suggestion,
          fields:
            state.fields.hostCity === '' && suggestion.city
              ? { ...state.fields, hostCity: suggestion.city }
              : state.fields,
        }));
      } catch {
        // Without a suggestion the host is chosen by hand.
      }
    },

    startEdit(meeting) {
      set({
        editing: { kind: 'edit', meeting },
        fields: fieldsOf(meeting),
        items: draftFromAgenda(meeting.agenda),
        suggestion: null,
        errors: {},
      });
    },

    close: () => set({ editing: null, errors: {} }),

    setField(field, value) {
      set((state) => {
        const fields = { ...state.fields, [field]: value };
        // An online meeting has no host (N9): choosing "online" clears it rather than being refused.
        if (field === 'mode' && value === 'online') fields.hostCity = '';
        const errorField: MeetingFormField = field === 'mode' ? 'hostCity' : (field as MeetingFormField);
        return { fields, errors: { ...state.errors, [errorField]: undefined, form: undefined } };
      });
    },
    addSteps: (format, stepIds) => editItems((items) => addSteps(items, format, stepIds)),
    addOwnItem: (kind, title, minutes) => editItems((items) => addOwnItem(items, kind, title, minutes)),
    moveItem: (index, direction) => editItems((items) => moveItem(items, index, direction)),
    removeItem: (key) => editItems((items) => removeItem(items, key)),
    setItemMinutes: (key, minutes) => editItems((items) => setItemMinutes(items, key, minutes)),
    setItemTitle: (key, title) => editItems((items) => setItemTitle(items, key, title)),

    async save() {
      const { editing, fields, items, saving } = get();
      const network = useNetworkStore.getState();
      if (!editing || saving || !network.access || !network.networkId) return false;
      const errors: MeetingDraftState['errors'] = {};
      if (!fields.title.trim()) errors.title = 'networkAdmin.meeting.titleRequired';
      if (!fields.startsAt) errors.startsAt = 'networkAdmin.meeting.startsAtRequired';
      if (Object.keys(errors).length > 0) {
        set({ errors });
        return false;
      }
      set({ saving: true, errors: {} });
      try {
        if (editing.kind === 'new') {
          await api.createMeeting(network.access.token, network.networkId, {
            title: fields.title,
            startsAt: fields.startsAt,
            mode: fields.mode,
            hostCity: fields.hostCity.trim() || null,
            venue: fields.venue,
            room: fields.room,
            cateringNotes: fields.cateringNotes,
            agenda: agendaFromDraft(items),
          });
        } else {
          const practicalOnly = !network.may('meetings.plan');
          const patch = meetingPatch(editing.meeting, fields, items, practicalOnly);
          if (Object.keys(patch).length > 0) {
            await api.updateMeeting(network.access.token, network.networkId, editing.meeting.id, patch);
          }
        }
      } catch (failure) {
        const error = actionError(failure);
        set({ saving: false, errors: { [meetingErrorField(error.code)]: error.key } });
        return false;
      }
      set({ saving: false, editing: null });
      await network.reload();
      return true;
    },
  };
});
