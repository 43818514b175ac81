export { makeEvent, type EventInput } from './make-event';
export { MemoryModel, replay } from './memory-model';
export type { Change, ReadModel, ViewStore } from './read-model';
export { decide, type Decision } from './reducer';
