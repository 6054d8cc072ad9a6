/**
 * The phone ↔ watch wire protocol, version 2 (docs/protocol.md). One source for both ends:
 * the watch build compiles it into unknot.app.js, the phone imports it from here.
 */
export { crc16, crc32 } from './crc';
export {
  PROTOCOL_VERSION, FRAME_VERSION, FRAME_OVERHEAD, MIN_FRAME, MAX_FRAME, ERR, encodeFrame, decodeFrame, type Frame,
} from './frame';
export {
  MSG, STATE, CUE, OUTCOME, DEFAULT_CUES, WRIST_PLANS, LOW_BATTERY, cuesValid, keepPlanFrame, dropPlansFrame,
  helloFrame, pauseFrame, resumeFrame, stopFrame, logRequestFrame, statusRequestFrame, startFrame, setCuesFrame,
  testCueFrame, logAckFrame, planBeginFrame, planChunkFrame, planCommitFrame,
  statusFrame, helloReplyFrame, logEntryFrame, logNoneFrame,
  parsePhoneMessage, parseWatchMessage,
  type CueSettings, type LogEntry, type Status, type Hello, type PhoneMessage, type WatchMessage,
} from './messages';
export {
  PLAN_FORMAT, MAX_PLAN_BYTES, NAME_MAX, LABEL_MAX, SEGMENT_BYTES, PLAN_CUE, END_CUES, KINDS, SIDES,
  decodePlan, segmentOf, type Plan, type PlanSegment,
} from './plan';
export { encodePlan, planFrames, planIdOf, shorten, type EncodeOptions } from './plan-encode';
export { GATT } from './gatt';
export {
  REMINDER_LIMITS, REMINDER_PATTERN, patternOk, labelOk, remindersBeginFrame, reminderLabelFrame, reminderAtFrame,
  remindersCommitFrame, reminderFrames, readBegin, readLabel, readAt, type ReminderSchedule, type ReminderAt,
} from './reminders';
