/**
 * The register feature's state: the participant register's writes, discharge and readmission,
 * erasure, and the CSV/XLSX import and export (`participants.ts`). The register screens import
 * this module; the shell's core does not, so the import and export load with the register chunk.
 */
export { dischargeParticipant, eraseParticipant, exportRegister, importParticipants, readmitParticipant, saveParticipant, type ParticipantFields } from './participants';
export { accessExportFile, loadAccessExport, type AccessExport } from './access';
