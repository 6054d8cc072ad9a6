/** What other folders of src/ui may use from poses/: the picture of a pose and the player's step picture.
 * (Registered by the side-effect imports; the classes are exported as types only.) */
import './unknot-pose';
import './unknot-step-pose';
export type { UnknotPose } from './unknot-pose';
export type { UnknotStepPose } from './unknot-step-pose';
