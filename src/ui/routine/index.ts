/** What other folders of src/ui may use from routine/: the undo toast the library shows after a delete.
 * (Registered by the side-effect import; the class is exported as a type only so the bundle keeps
 * one chunk per view.) */
import './unknot-routine-undo';
export type { UnknotRoutineUndo } from './unknot-routine-undo';
