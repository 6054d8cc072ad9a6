/**
 * The page tests/support/pose-pictures.ts photographs: every pose of the set, drawn by the real
 * <unknot-pose> element with the app's own stylesheet. ?size=64&theme=dark picks the size and theme.
 */
import '../../../src/styles/global.css';
import '../../../src/ui/poses/unknot-pose';
import { POSE_IDS } from '../../../src/poses/index';

const params = new URLSearchParams(location.search);
document.documentElement.dataset.theme = params.get('theme') ?? 'light';
const main = document.querySelector('main')!;
for (const id of POSE_IDS) {
  const pose = document.createElement('unknot-pose');
  pose.pose = id;
  pose.style.setProperty('--pose-size', `${Number(params.get('size') ?? 300)}px`);
  pose.style.margin = '4px';
  main.append(pose);
}
