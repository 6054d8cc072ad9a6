/**
 * A side of the body a movement goes toward. In a file of its own so that the pose catalogue
 * (src/poses), which the routine model refers to, can name sides without importing the model.
 */
export type Side = 'right' | 'left';
