// The workout screen's copy on the device (IndexedDB), kept so a reload without the network shows the
// workout as it was left, and the order of writes that keeps it honest: the copy is never ahead of the
// outbox (see DeviceCopy.save).

import { saveWorkout } from "./cache.js";
import { send } from "./sync.js";

const swallow = () => {}; // a copy that could not be written is written again at the next change

export class DeviceCopy {
  /** `read()` gives the store's state at the moment of writing. */
  constructor(workoutId, read) {
    this.workoutId = workoutId;
    this.read = read;
    this.storing = 0; // changes handed to the outbox and not yet stored on the device
    this.queued = false;
  }

  /**
   * Keep the screen's copy on the device, but never ahead of the outbox: a copy showing a change whose
   * outbox entry is not yet stored would, after a reload at that moment, show the change as made while
   * nothing would ever send it. So the copy waits (a microtask, in which the change that usually follows
   * a screen update reaches send) and is written only when every change sent so far is stored.
   */
  save() {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.storing > 0) return; // written once the outbox has them (see send)
      const { workout, blocks, previous, me, unit, summary } = this.read();
      saveWorkout({ client_id: this.workoutId, workout, blocks, previous, me, unit, summary }).catch(swallow);
    });
  }

  /** Hand a change to the outbox (sync.send); the copy is written again once the outbox holds them all. */
  send(change) {
    this.storing += 1;
    return send(change, () => {
      this.storing -= 1;
      if (this.storing === 0 && this.read().workout) this.save();
    });
  }
}
