// Renderer figures: JavaScript size (raw and gzipped) of the production bundle, and the time from
// opening the page to an interactive home screen in Chromium (median of several cold loads).
import {
  describeLoad,
  describeSizes,
  launchToInteractiveHome,
  rendererBundleSizes,
} from './shared/rendererFigures';

console.log(describeSizes(rendererBundleSizes()));
console.log(describeLoad(await launchToInteractiveHome()));
