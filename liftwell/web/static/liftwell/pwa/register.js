// Registers the service worker (/sw.js, scope /) that lets Liftwell open and log workouts offline, and
// tells it whether someone is signed in: signed out, it forgets the pages it kept.

function register() {
  if (!("serviceWorker" in navigator)) return;
  const tag = document.querySelector("script[data-service-worker]");
  const signedIn = tag && tag.dataset.signedIn === "1";
  navigator.serviceWorker
    .register(tag ? tag.dataset.serviceWorker : "/sw.js", { scope: "/" })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      if (registration.active) registration.active.postMessage(signedIn ? "signed-in" : "signed-out");
    })
    .catch(() => {
      // No service worker (private mode, old browser): everything but offline opening still works.
    });
}

register();
