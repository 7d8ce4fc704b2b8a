/**
 * The participant register's part of the state layer (the register screen imports this module
 * instead of `state/index.ts`, so the CSV import and export load with its lazy chunk).
 */
export { dischargeParticipant, eraseParticipant, exportRegister, importParticipants, readmitParticipant, saveParticipant, type ParticipantFields } from './register';
