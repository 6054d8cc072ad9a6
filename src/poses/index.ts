/**
 * The pose set: names (catalogue), words (words) and which picture a step shows (step-pose) are
 * small and pure; the drawings load on demand through loadPoseArt(), so they add nothing to the
 * app's first load.
 */
import type { PoseArt } from './art';
import type { PoseId } from './catalogue';

export * from './catalogue';
export { POSE_TEXT, CHOICE_NAMES } from './words';
export { exercisePoseSteps, segmentPose, shownPose, type PoseStep, type ShownPose } from './step-pose';
export type { PoseArt, Role } from './art';

let loading: Promise<Record<PoseId, PoseArt>> | undefined;

/** The drawings, fetched once (precached by the service worker, so offline too). */
export function loadPoseArt(): Promise<Record<PoseId, PoseArt>> {
  loading ??= import('./art').then(
    (m) => m.POSE_ART,
    (error: unknown) => {
      loading = undefined; // a failed fetch may succeed later
      throw error;
    },
  );
  return loading;
}
