/*
 * GxP Flow's Welcome configuration; replaces app/welcome/scripts/config.js of the Camunda webjar (the application's
 * classes come first on the classpath). Camunda's default is empty.
 */
export default {
  // "Log out" ends the whole login, Keycloak's too (../gxp-logout.js, shared by the webapps)
  customScripts: ['../gxp-logout']
};
