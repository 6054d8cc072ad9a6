/**
 * Every name a phase of an exercise may give its picture (catalogue.ts's POSE_CHOICES), as one
 * pattern: the routine validator loads at start-up, and this is far smaller than the list.
 * tests/poses/step-pose.test.ts checks that the two say exactly the same.
 */
export const POSE_CHOICE_PATTERN = /^(lying|knees-to-chest|resting|seated|standing(-arms-out)?|(knees|seated-(cross|twist)|standing-twist)-(right|left|side))$/;
