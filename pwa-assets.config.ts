/**
 * Home-screen icons, generated once from public/icon.svg with `npm run icons` (sharp renders the
 * SVG; the PNGs are committed so a build needs no image tooling). The maskable icon gets the
 * brand colour edge to edge so Android's circle/squircle masks show no white corners; a small
 * padding is enough because the knot already sits inside the 80 % safe zone. The Apple icon gets
 * the same colour because iOS renders transparency as black.
 */
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

const brand = { background: '#1f4e5f', fit: 'contain' } as const;

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, padding: 0.1, resizeOptions: brand },
    apple: { ...minimal2023Preset.apple, padding: 0.1, resizeOptions: brand },
  },
  images: ['public/icon.svg'],
});
