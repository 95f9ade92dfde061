import { type Collection, type Db, MongoServerError } from 'mongodb';
import type { Meeting, Workgroup } from '../domain/workgroup.ts';

interface WorkgroupDocument extends Omit<Workgroup, 'id'> {
  _id: string;
}

interface MeetingDocument extends Omit<Meeting, 'id'> {
  _id: string;
}

export const WORKGROUPS_COLLECTION = 'workgroups';
export const MEETINGS_COLLECTION = 'workgroup_meetings';
const DUPLICATE_KEY = 11000;
/** Two chairs' clerks recording meetings of one workgroup at once are rare; this many retries settle it. */
const NUMBERING_ATTEMPTS = 10;
/** A workgroup meets monthly or so: this covers decades of meetings in one read. */
const MAX_MEETINGS_LISTED = 1000;

function workgroupOf({ _id, ...fields }: WorkgroupDocument): Workgroup {
  return { id: _id, ...fields };
}

function meetingOf({ _id, ...fields }: MeetingDocument): Meeting {
  return { id: _id, ...fields };
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** Workgroups and their meetings; a meeting's number is unique within its workgroup. */
export class WorkgroupStore {
  readonly workgroups: Collection<WorkgroupDocument>;
  readonly meetings: Collection<MeetingDocument>;

  constructor(db: Db) {
    this.workgroups = db.collection<WorkgroupDocument>(WORKGROUPS_COLLECTION);
    this.meetings = db.collection<MeetingDocument>(MEETINGS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.meetings.createIndex({ workgroupId: 1, number: 1 }, { unique: true, name: 'meeting_number' });
  }

  async insert(workgroup: Workgroup): Promise<void> {
    const { id, ...fields } = workgroup;
    await this.workgroups.insertOne({ _id: id, ...fields });
  }

  async findById(id: string): Promise<Workgroup | null> {
    const document = await this.workgroups.findOne({ _id: id });
    return document === null ? null : workgroupOf(document);
  }

  async meetingsOf(workgroupId: string): Promise<Meeting[]> {
    const documents = await this.meetings
      .find({ workgroupId })
      .sort({ number: 1 })
      .limit(MAX_MEETINGS_LISTED)
      .toArray();
    return documents.map(meetingOf);
  }

  async findMeeting(id: string): Promise<Meeting | null> {
    const document = await this.meetings.findOne({ _id: id });
    return document === null ? null : meetingOf(document);
  }

  /**
   * Records a meeting under the number given (null when the workgroup already has it), or under the
   * next number after the highest recorded; the unique index settles two recorded at once.
   */
  async addMeeting(
    meeting: Omit<Meeting, 'number'> & { number: number | undefined },
  ): Promise<Meeting | null> {
    const { id, number, ...fields } = meeting;
    if (number !== undefined) {
      try {
        await this.meetings.insertOne({ _id: id, ...fields, number });
        return { ...meeting, number };
      } catch (error) {
        if (isDuplicateKey(error)) return null;
        throw error;
      }
    }
    for (let attempt = 0; attempt < NUMBERING_ATTEMPTS; attempt += 1) {
      const [last] = await this.meetings
        .find({ workgroupId: meeting.workgroupId })
        .sort({ number: -1 })
        .limit(1)
        .toArray();
      const next = (last?.number ?? 0) + 1;
      try {
        await this.meetings.insertOne({ _id: id, ...fields, number: next });
        return { ...meeting, number: next };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(`meeting numbers of workgroup ${meeting.workgroupId} kept changing while numbering`);
  }
}
