/**
 * The photos of `<si-badra-report>`: a controller for the camera (a live view in the page) and the
 * camera app (the file input), compressing each photo and uploading it with a capture token asked
 * at the moment of the shot (or, offline, the one asked when the camera opened; a photo that could
 * not be uploaded is kept with its token for the report to send), removing one, and the previews'
 * object URLs. The photo step's template
 * (`steps.ts`) calls it back.
 */
import type { ReactiveControllerHost } from 'lit';
import { isMppError, type ComplaintsApi } from '@mpp-kit/core';
import { compressPhoto, type CompressedPhoto } from '../shared/photo.js';
import type { ReportHost } from './context.js';
import type { PhotoHandlers } from './steps.js';

/** What the photos need of the element. */
export interface PhotoCaptureOptions extends ReportHost {
  /** The element's render root (the camera view is in it). */
  root(): ParentNode;
}

export class PhotoCapture implements PhotoHandlers {
  #camera: MediaStream | null = null;
  #urls = new Map<Blob, string>();
  #token: ReturnType<ComplaintsApi['captureToken']> | null = null;
  /** A token asked when the camera opened: used for a shot taken after the connection dropped. */
  #spare: ReturnType<ComplaintsApi['captureToken']> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: PhotoCaptureOptions,
  ) {}

  /** The camera is open (its view is shown). */
  get camera(): boolean {
    return !!this.#camera;
  }

  get #video(): HTMLVideoElement | null {
    return this.o.root().querySelector('video');
  }

  readonly openCamera = (): void => void this.#open();

  async #open(): Promise<void> {
    this.o.clearError();
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera');
      this.#camera = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      this.#spare = this.o.api().captureToken();
      this.#spare.catch(() => undefined);
      this.host.requestUpdate();
      await this.host.updateComplete;
      const video = this.#video;
      if (video) {
        video.srcObject = this.#camera;
        await video.play().catch(() => undefined);
      }
      this.o.root().querySelector<HTMLElement>('[data-action="capture"]')?.focus();
    } catch {
      this.o.fail('camera_unavailable', '#photo-file');
    }
  }

  readonly closeCamera = (): void => {
    for (const track of this.#camera?.getTracks() ?? []) track.stop();
    this.#camera = null;
    this.host.requestUpdate();
  };

  /** The camera's frame now: the token is asked first, so the server stamps the moment of the shot. */
  readonly capture = (): void => void this.#captureFrame();

  async #captureFrame(): Promise<void> {
    const v = this.#video;
    if (!v || !v.videoWidth || this.o.busy()) return;
    // A token now, so the server stamps the moment of the shot; without a connection, the one
    // asked when the camera opened (the server still refuses it past its window).
    const spare = this.#spare;
    this.#spare = null;
    const token = this.o
      .api()
      .captureToken()
      .catch((e: unknown) => (spare ? spare : Promise.reject(e)));
    const frame = await createImageBitmap(v);
    this.closeCamera();
    await this.#upload(token, frame);
  }

  /** The camera app opens: a token is asked now, used when the photo comes back. */
  readonly fileClick = (): void => {
    this.#token = this.o.api().captureToken();
    this.#token.catch(() => undefined);
  };

  readonly file = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const token = this.#token ?? this.o.api().captureToken();
    this.#token = null;
    void this.#upload(token, file);
  };

  async #upload(tokenP: Promise<{ token: string }>, source: Blob | ImageBitmap): Promise<void> {
    this.o.setBusy(true);
    this.o.clearError();
    try {
      let photo: CompressedPhoto;
      try {
        photo = await compressPhoto(source);
      } catch {
        return this.o.fail('photo_failed');
      }
      const { token } = await tokenP;
      let id: string | null;
      try {
        id = (await this.o.api().uploadPhoto(token, photo.blob)).id;
      } catch (err) {
        // No connection: the photo is kept with its token and goes with the report.
        if (!isMppError(err) || !err.retryable) throw err;
        id = null;
      }
      this.o.patch({
        photos: [...this.o.draft()!.photos, { id, blob: photo.blob, compressedIn: photo.where, ...(id ? {} : { token }) }],
      });
      this.o.focus(`#remove-photo-${this.o.draft()!.photos.length}`);
    } catch (err) {
      this.o.fail(isMppError(err) ? err.code : 'fallback');
    } finally {
      if (source instanceof ImageBitmap) source.close();
      this.o.setBusy(false);
    }
  }

  readonly remove = (i: number): void => {
    const photos = this.o.draft()!.photos.filter((_, j) => j !== i);
    this.o.patch({ photos });
    this.o.focus(photos.length ? `#remove-photo-${Math.min(i + 1, photos.length)}` : '#step-title');
  };

  readonly url = (b: Blob): string => {
    let u = this.#urls.get(b);
    if (!u) this.#urls.set(b, (u = URL.createObjectURL(b)));
    return u;
  };

  /** The element left the page: the camera off, the previews' URLs revoked. */
  release(): void {
    this.closeCamera();
    for (const u of this.#urls.values()) URL.revokeObjectURL(u);
    this.#urls.clear();
  }
}
