/**
 * The attendance feature's state: the marks of a day and of its sessions, the studio log,
 * absence notices and undo (`marks.ts`), and the attendance day's read model (`day.ts`). The
 * attendance screens import this module, and Today its "not at home" tap.
 */
export {
  clearDayMark, deleteAbsenceNotice, forgetLastChange, markDay, markRemainingPresent, markSession,
  saveAbsenceNotice, saveStudioLog, undoLastChange, useLastChange, type NoticeInput, type UndoInfo,
} from './marks';
export { useAttendanceDay, type AttendanceDay } from './day';
