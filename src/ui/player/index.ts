/** What other folders of src/ui may use from player/: the cue settings the settings view shows, and the
 * cue trainer (`unknot-cue-trainer`: Settings, onboarding).
 * (Registered by the side-effect import; the class is exported as a type only so the bundle keeps
 * one chunk per view.) */
import './unknot-cue-settings';
import './unknot-cue-trainer';
export type { UnknotCueSettings } from './unknot-cue-settings';
export type { UnknotCueTrainer } from './unknot-cue-trainer';
