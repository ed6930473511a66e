import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ALERT_KEY = 'mpp-kit:ticket-alert:v1';

function readChoice(): boolean {
  try {
    return localStorage.getItem(ALERT_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Sound and vibration when the ticket is called: the citizen's choice, remembered on the device.
 * Two short tones (Web Audio, no sound file) and a vibration where the phone has one. Browsers
 * allow sound only after a gesture: turning it on is one (a short beep says what it will sound
 * like); after a reload the first tap on the page unlocks it.
 */
export class CallAlert implements ReactiveController {
  #on = readChoice();
  #audio: AudioContext | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get on(): boolean {
    return this.#on;
  }

  /** Turns the alert on or off (a tap on the toggle) and remembers the choice. */
  readonly set = (on: boolean): void => {
    this.#on = on;
    try {
      if (on) localStorage.setItem(ALERT_KEY, '1');
      else localStorage.removeItem(ALERT_KEY);
    } catch {
      // Storage blocked: the choice holds for this page.
    }
    if (on) this.ring();
    this.host.requestUpdate();
  };

  hostConnected(): void {
    if (this.#on) document.addEventListener('pointerdown', this.#unlock, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#unlock, true);
    this.#audio?.close().catch(() => undefined);
    this.#audio = null;
  }

  /** Rings once (when turned on: the ticket's call). */
  ring(): void {
    navigator.vibrate?.([250, 120, 250]);
    const ctx = this.#context();
    if (!ctx) return;
    ctx.resume().catch(() => undefined);
    for (const at of [0, 0.3]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + at);
      gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.22);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + at);
      osc.stop(ctx.currentTime + at + 0.25);
    }
  }

  readonly #unlock = () => {
    document.removeEventListener('pointerdown', this.#unlock, true);
    this.#context()
      ?.resume()
      .catch(() => undefined);
  };

  #context(): AudioContext | null {
    if (!this.#audio && typeof AudioContext !== 'undefined') this.#audio = new AudioContext();
    return this.#audio;
  }
}
