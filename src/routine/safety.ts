/** Safety text shown beside every routine. Plain words; no medical claims. */

export const SAFETY_ADVICE: readonly string[] = [
  'Rest first. A muscle that has just gone into spasm needs a while of doing very little.',
  'Move slowly and gently, and only as far as feels safe. A mild stretch is enough.',
  'Stop straight away if the pain gets worse, spreads, or feels sharp.',
];

export const SEE_A_DOCTOR_NOW: readonly string[] = [
  'numbness, tingling or weakness in one or both legs',
  'losing control of your bladder or bowels',
  'a fever along with the back pain',
  'pain that started after a fall, an accident or another injury',
];
