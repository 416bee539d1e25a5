// The rest timer. It keeps only an end timestamp (in localStorage, keyed by workout), so it survives a
// reload and never drifts: the remaining time is always endsAt - now. At the end: a short beep made with
// the Web Audio API (no audio file) and a vibration where the device has one.

const KEY = (workoutId) => `liftwell:rest:${workoutId}`;
let audio = null;

/** Browsers only let audio start from a tap: call this inside the click that starts the timer. */
export function primeAudio() {
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio || new Context();
    if (audio.state === "suspended") audio.resume();
  } catch {
    audio = null;
  }
}

function beep() {
  try {
    if (!audio) primeAudio();
    if (audio?.state !== "running") return;
    for (const offset of [0, 0.25]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = 880;
      const start = audio.currentTime + offset;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.2);
    }
  } catch {
    // No sound: the bar still says the rest is over.
  }
}

function buzz() {
  if (typeof navigator.vibrate === "function") {
    try {
      navigator.vibrate([200, 100, 200]);
    } catch {
      // Some browsers refuse without a recent tap; nothing to do.
    }
  }
}

export class RestTimer {
  constructor(workoutId, onChange) {
    this.key = KEY(workoutId);
    this.onChange = onChange;
    this.interval = null;
    this.finishedAt = null;
    this.state = this.read();
    if (this.state) this.run();
  }

  read() {
    try {
      const saved = JSON.parse(localStorage.getItem(this.key) || "null");
      if (saved && typeof saved.endsAt === "number" && saved.endsAt > Date.now()) return saved;
    } catch {
      // A corrupt entry: start clean.
    }
    localStorage.removeItem(this.key);
    return null;
  }

  write() {
    if (this.state) localStorage.setItem(this.key, JSON.stringify(this.state));
    else localStorage.removeItem(this.key);
  }

  /** Seconds left (0 when stopped). */
  remaining() {
    return this.state ? Math.max(0, Math.ceil((this.state.endsAt - Date.now()) / 1000)) : 0;
  }

  start(seconds, label) {
    if (!(seconds > 0)) return this.stop();
    this.finishedAt = null;
    this.state = { endsAt: Date.now() + seconds * 1000, total: seconds, label };
    this.write();
    this.run();
  }

  adjust(deltaSeconds) {
    if (!this.state) return;
    const endsAt = this.state.endsAt + deltaSeconds * 1000;
    if (endsAt <= Date.now()) return this.stop();
    this.state = { ...this.state, endsAt, total: Math.max(1, this.state.total + deltaSeconds) };
    this.write();
    this.emit();
  }

  stop() {
    this.state = null;
    this.write();
    clearInterval(this.interval);
    this.interval = null;
    this.emit();
  }

  run() {
    clearInterval(this.interval);
    this.interval = setInterval(() => this.tick(), 250);
    this.emit();
  }

  tick() {
    if (this.state && this.state.endsAt <= Date.now()) {
      this.finishedAt = Date.now();
      beep();
      buzz();
      this.stop();
      return;
    }
    this.emit();
  }

  emit() {
    this.onChange({
      running: Boolean(this.state),
      remaining: this.remaining(),
      total: this.state ? this.state.total : 0,
      label: this.state ? this.state.label : "",
      justFinished: !this.state && this.finishedAt !== null && Date.now() - this.finishedAt < 4000,
    });
  }
}
