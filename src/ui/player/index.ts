/** What other folders of src/ui may use from player/: the cue settings the settings view shows.
 * (Registered by the side-effect import; the class is exported as a type only so the bundle keeps
 * one chunk per view.) */
import './unknot-cue-settings';
export type { UnknotCueSettings } from './unknot-cue-settings';
