/**
 * The per-field merge of sync, in one home: the rule (stamps.ts), the server's merge of a pushed
 * change (merge.ts) and the device's merge, pull overlay and undo (local.ts). The device's write
 * path and tap, its pull and push answers, and the server's push and write policy all call these.
 */
export * from './stamps';
export * from './merge';
export * from './local';
export * from './clock';
