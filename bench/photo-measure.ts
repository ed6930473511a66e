/** What the photo page (`photo-page.ts`) hands back to `photo.ts`: sizes in bytes and pixels, times in ms per round. */
export interface PhotoMeasure {
  inputBytes: number;
  input: { w: number; h: number };
  outputBytes: number;
  bareBytes: number;
  output: { w: number; h: number };
  where: 'worker' | 'main';
  type: string;
  compressMs: number[];
  bareMs: number[];
  hopMs: number[];
}
