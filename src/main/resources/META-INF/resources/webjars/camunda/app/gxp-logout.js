/*
 * GxP Flow: the webapps' "Log out" (Tasklist, Cockpit, Admin, Welcome) ends the whole login, not only the webapp's
 * own. Camunda's logout clears the webapp's session login; with Keycloak (profile keycloak) the webapp would log the
 * user straight back in from the Keycloak login still in the session. So the link goes to the application's
 * /logout instead, which ends the session and, with Keycloak, Keycloak's session too, then shows a login page
 * again (SecurityConfiguration). Registered by each webapp's scripts/config.js as '../gxp-logout'.
 */
// the application runs at the server's root (no servlet context path); the webapps under /camunda
const LOGOUT = '/logout';

// on the document, capturing: before the link's own ng-click (Camunda's logout) sees the click
document.addEventListener('click', event => {
  if (!(event.target instanceof Element) || !event.target.closest('.logout > a')) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  // a navigation, not a form post: the webapps' Content-Security-Policy (form-action 'self') would block a post
  // that Keycloak's logout redirects on to another origin
  window.location.assign(LOGOUT);
}, true);
