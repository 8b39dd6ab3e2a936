/*
 * GxP Flow: what the Tasklist plugins share to call the project's /api as the logged-in user: the webapp
 * session's cookie and its CSRF token, JSON both ways, and the server's problem detail as the error's message
 * (the server decides; a plugin shows its refusal as it is).
 */
export function csrfToken(api) {
  if (api && api.CSRFToken) {
    return api.CSRFToken;
  }
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

export async function callApi(method, path, body, api) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(api)},
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const answer = response.status === 204 ? null : await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error((answer && (answer.detail || answer.title)) || 'HTTP ' + response.status);
  }
  return answer;
}
