import type { ApiErrorPayload } from '../../../../shared/errors';
import type { MeetingWords } from '../../../../shared/meetings/describe';
import type { Link, StepKind } from '../../../../shared/meetings/model';
import type { AgendaStep, MeetingDetail, Snapshot } from '../../../../shared/meetings/types';
import type { DrillRequest } from '../../../analysis/drill';
import type { CompareMode } from '../../../analysis/scope';
import type { MeetingState } from '../state/meeting-store';

/** What every step view gets: the meeting, its frozen figures, and what it may do. */
export interface StepProps {
  readonly meeting: MeetingDetail;
  readonly snapshot: Snapshot;
  /** The previous meeting's snapshot, to compare with. */
  readonly previous: Snapshot | null;
  readonly step: AgendaStep;
  readonly index: number;
  readonly compare: CompareMode;
  readonly onDrill: (request: DrillRequest) => void;
  /** Opens the leads behind a decision's or an item's linked figure. */
  readonly onOpenLink: (link: Link) => void;
  /** The meeting runs and the workspace is writable: records can be changed. */
  readonly writable: boolean;
  readonly busy: boolean;
  /** The last refused write, for a dialog to show where the user is looking. */
  readonly error: ApiErrorPayload | null;
  readonly write: MeetingState['write'];
  readonly commit: MeetingState['commit'];
  readonly words: MeetingWords;
  /** Names an earlier meeting by id. */
  readonly meetingTitle: (id: number) => string;
  /** Shows the agenda step of a kind (a point carried forward, the decisions step). */
  readonly goToKind: (kind: StepKind) => void;
}
