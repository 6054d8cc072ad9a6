/** What other folders of src/ui may use from watch/: the watch panel the player shows before a session.
 * (Registered by the side-effect import; the class is exported as a type only so the bundle keeps
 * one chunk per view.) */
import './unknot-watch-panel';
export type { UnknotWatchPanel } from './unknot-watch-panel';
