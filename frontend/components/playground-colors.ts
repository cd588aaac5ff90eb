/** The playground's colours: class 0 orange, class 1 blue, with a light grey between (as on the boundary map). */
export const ORANGE: [number, number, number] = [245, 147, 34];
export const BLUE: [number, number, number] = [8, 119, 189];
const MIDDLE: [number, number, number] = [232, 234, 235];

/** The colour of a byte value 0..255: 0 orange, 128 grey, 255 blue. */
export function color(v: number): [number, number, number] {
  const t = v / 255;
  const [from, to, f] = t < 0.5 ? [ORANGE, MIDDLE, t * 2] : [MIDDLE, BLUE, (t - 0.5) * 2];
  return [0, 1, 2].map((i) => Math.round(from[i] + (to[i] - from[i]) * f)) as [number, number, number];
}

/** A side×side picture from base64 bytes, painted into a new canvas of that size (to be scaled when drawn). */
export function picture(base64: string, side: number): HTMLCanvasElement {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const [r, g, b] = color(bytes[i]);
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}
