/**
 * The original photos of the complaint open in `<si-badra-inbox>` (staff only): fetched as blobs
 * (the redaction editor draws on them) and shown through object URLs, revoked when the complaint
 * closes, another opens or the element leaves the page.
 */
import type { ReactiveControllerHost } from 'lit';
import type { StaffComplaintView } from '@mpp-kit/core';

export class OriginalPhotos {
  /** Object URLs by photo id (a photo that did not load has none). */
  urls: ReadonlyMap<string, string> = new Map();
  #blobs = new Map<string, Blob>();

  constructor(private readonly host: ReactiveControllerHost) {}

  /** The blob of a loaded photo. */
  blob(id: string): Blob | undefined {
    return this.#blobs.get(id);
  }

  /** Loads `d`'s photos through `fetchOne` in place of the ones shown; the old URLs are revoked. */
  async load(d: StaffComplaintView, fetchOne: (id: string, signal: AbortSignal) => Promise<Blob>, signal: AbortSignal): Promise<void> {
    this.revoke();
    const urls = new Map<string, string>();
    await Promise.all(
      d.staffPhotos.map(async (p) => {
        try {
          const blob = await fetchOne(p.id, signal);
          if (signal.aborted) return;
          this.#blobs.set(p.id, blob);
          urls.set(p.id, URL.createObjectURL(blob));
        } catch {
          // A photo that does not load is shown as missing; the rest of the complaint stays usable.
        }
      }),
    );
    if (signal.aborted) {
      for (const u of urls.values()) URL.revokeObjectURL(u);
      return;
    }
    this.urls = urls;
    this.host.requestUpdate();
  }

  revoke(): void {
    for (const u of this.urls.values()) URL.revokeObjectURL(u);
    this.urls = new Map();
    this.#blobs.clear();
    this.host.requestUpdate();
  }
}
