import type { SqlDatabase } from '../storage/sql/sql-database';
import type { RoomRegistry } from '../sync/room-registry';
import { ControlWriter } from './control-writer';
import { PrivateNoteStore } from './private-note-store';
import { PrivateWritingService } from './private-writing-service';
import { RaisedHandsService } from './raised-hands-service';
import { TimerService } from './timer-service';
import { VoteStore } from './vote-store';
import { VotingService, type VoterDirectory } from './voting-service';

export interface FacilitationServices {
  timer: TimerService;
  voting: VotingService;
  privateWriting: PrivateWritingService;
  hands: RaisedHandsService;
}

/** The facilitation instruments on the installation's database. */
export function createFacilitationServices(
  sql: SqlDatabase,
  registry: RoomRegistry,
  people: VoterDirectory,
): FacilitationServices {
  const control = new ControlWriter(registry);
  return {
    timer: new TimerService(control),
    voting: new VotingService(new VoteStore(sql), control, people),
    privateWriting: new PrivateWritingService(new PrivateNoteStore(sql), control, registry),
    hands: new RaisedHandsService(control),
  };
}
