/** What each picture shows, in words: its text alternative, and the names in the editor's lists. */
import type { PoseChoice, PoseId } from './catalogue';

/** The text alternative of each picture: the position, and the side where there is one. */
export const POSE_TEXT: Record<PoseId, string> = {
  lying: 'Lying on your back on the bed, legs long, arms by your sides.',
  'knees-to-chest': 'Lying on your back, both knees drawn up to your chest, arms around them.',
  'knees-right': 'Lying on your back, bent knees rolled over to your right side, shoulders flat.',
  'knees-left': 'Lying on your back, bent knees rolled over to your left side, shoulders flat.',
  resting: 'Resting on your back, knees bent, feet flat on the bed.',
  seated: 'Sitting tall on the bed, legs long in front of you.',
  'seated-cross-right': 'Sitting, facing forward, right leg crossed over the left knee, the right ankle resting on it.',
  'seated-cross-left': 'Sitting, facing forward, left leg crossed over the right knee, the left ankle resting on it.',
  'seated-twist-right': 'Sitting with the left leg crossed over, upper body turned to your right, left hand beside the right thigh.',
  'seated-twist-left': 'Sitting with the right leg crossed over, upper body turned to your left, right hand beside the left thigh.',
  standing: 'Standing straight, feet apart, hands on your hips.',
  'standing-arms-out': 'Standing straight, feet apart, arms out to the sides.',
  'standing-twist-right': 'Standing, turned from the hips to your right, both arms swung to the right.',
  'standing-twist-left': 'Standing, turned from the hips to your left, both arms swung to the left.',
};

/** Short names for the editor's choice lists. */
export const CHOICE_NAMES: Record<PoseChoice, string> = {
  'knees-side': 'Knees rolled to the side of the step',
  'seated-twist-side': 'Seated, turned to the side of the step',
  'seated-cross-side': 'Seated, leg crossed, ready to turn to the side of the step',
  'standing-twist-side': 'Standing, turned to the side of the step',
  lying: 'Lying on the back, legs long',
  'knees-to-chest': 'Knees to chest',
  'knees-right': 'Knees rolled right',
  'knees-left': 'Knees rolled left',
  resting: 'Resting, knees bent',
  seated: 'Seated, legs long',
  'seated-cross-right': 'Seated, right leg crossed',
  'seated-cross-left': 'Seated, left leg crossed',
  'seated-twist-right': 'Seated, turned right',
  'seated-twist-left': 'Seated, turned left',
  standing: 'Standing, hands on hips',
  'standing-arms-out': 'Standing, arms out',
  'standing-twist-right': 'Standing, turned right',
  'standing-twist-left': 'Standing, turned left',
};
