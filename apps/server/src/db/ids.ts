import { v7 } from 'uuid';

/** Every key is an app-generated UUIDv7 (time-ordered, no sequence; ready for a distributed database). */
export const newId = (): string => v7();
