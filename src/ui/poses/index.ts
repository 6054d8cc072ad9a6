/**
 * What other folders of src/ui may use from poses/: the pictures of the positions. Views load it
 * with a dynamic import(), so the pose code is never a preload of the first screen.
 * (Registered by the side-effect imports; the classes are exported as types only.)
 */
import './unknot-pose';
import './unknot-step-pose';
import './unknot-exercise-poses';
import './unknot-pose-choice';
export type { UnknotPose } from './unknot-pose';
export type { UnknotStepPose } from './unknot-step-pose';
export type { UnknotExercisePoses } from './unknot-exercise-poses';
export type { UnknotPoseChoice } from './unknot-pose-choice';
