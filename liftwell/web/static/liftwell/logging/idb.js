// The device's own storage for the logging screen: one IndexedDB database per signed-in person, with
// the outbox of changes not yet on the server, the workouts as this device last showed them, and a cache
// of what logging needs offline (the exercise library, "previous" values, the profile's units).
// Only training data is kept here, never health markers: a shared or lost phone must not reveal them.

const VERSION = 1;
let opening = null;

function databaseName() {
  const holder = document.querySelector("[data-user]");
  return `liftwell-${holder ? holder.dataset.user : "anonymous"}`;
}

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function openDatabase() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(databaseName(), VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
        db.createObjectStore("workouts", { keyPath: "client_id" });
        db.createObjectStore("cache");
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error("The device storage is busy in another tab."));
    });
  }
  return opening;
}

/** Run `fn(store)` in one transaction on `name`; resolves with fn's request result once committed. */
export async function withStore(name, mode, fn) {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(name, mode);
    let result;
    const request = fn(tx.objectStore(name));
    if (request) request.onsuccess = () => (result = request.result);
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const idbGet = (name, key) => withStore(name, "readonly", (store) => store.get(key));
export const idbPut = (name, value, key) =>
  withStore(name, "readwrite", (store) => (key === undefined ? store.put(value) : store.put(value, key)));
export const idbDelete = (name, key) => withStore(name, "readwrite", (store) => store.delete(key));
export const idbCount = (name) => withStore(name, "readonly", (store) => store.count());
export { promised };
