// The JSON API client: session cookie + CSRF header, JSON in and out, errors as exceptions.
// ApiError carries the server's {"error": "..."} message and status; NetworkError means no answer came
// (offline, server down) and is worth retrying.

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }

  /** Worth sending again later: the server was busy or broken, not the request. */
  get retryable() {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

export class NetworkError extends Error {
  constructor(message) {
    super(message);
    this.name = "NetworkError";
    this.retryable = true;
  }
}

let base = "/api/v1/";

export function configure({ apiBase }) {
  if (apiBase) base = apiBase.endsWith("/") ? apiBase : `${apiBase}/`;
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta?.content) return meta.content;
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

/** Call the API: `path` is relative to /api/v1/ ("workouts/…"). Resolves to the parsed JSON (or null). */
export async function request(method, path, body, { signal } = {}) {
  const headers = { Accept: "application/json" };
  const init = { method, headers, credentials: "same-origin", signal };
  if (method !== "GET" && method !== "HEAD") headers["X-CSRFToken"] = csrfToken();
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(base + path.replace(/^\//, ""), init);
  } catch (error) {
    if (error && error.name === "AbortError") throw error;
    throw new NetworkError("No connection to the server.");
  }
  const text = await response.text().catch(() => "");
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const message = data?.error || `The server answered ${response.status}.`;
    throw new ApiError(response.status, message, data);
  }
  return data;
}

export const get = (path, options) => request("GET", path, undefined, options);
