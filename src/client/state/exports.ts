/**
 * The export audit for any screen that makes a file or prints personal data: the queue of audit
 * entries waiting for the server, and the record of a print (see `reports-audit.ts`).
 */
export { pendingExportCount, recordPrint } from './reports-audit';
