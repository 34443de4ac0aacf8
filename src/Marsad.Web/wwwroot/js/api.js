// The dashboard's calls to /api/. The API refuses unknown and empty-looking parameters are simply
// left out, so only the filters that have a value are sent.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === null || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value).trim();
    if (text !== '') search.set(key, text);
  }
  const s = search.toString();
  return s ? '?' + s : '';
}

export async function get(path, params, signal) {
  const response = await fetch('/api/' + path + query(params), { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = (await response.json()).error ?? message;
    } catch {
      // The body was not JSON; the status text says enough.
    }
    throw new ApiError(response.status, message);
  }
  return response.json();
}

/** The filter parameters the event endpoints share, from the dashboard's filter state. */
export function filterParams(f) {
  return {
    from: f.from,
    to: f.to,
    type: f.type,
    actor: f.actor,
    country: f.country,
    certainty: f.certainty?.length ? f.certainty : null,
    q: f.q,
    bbox: f.bbox,
  };
}
