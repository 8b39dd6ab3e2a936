/*
 * GxP Flow's Cockpit configuration; replaces app/cockpit/scripts/config.js of the Camunda webjar (the
 * application's classes come first on the classpath). What Cockpit offers and what it refuses:
 * docs/security/webapps.md.
 */
export default {
  // "Log out" ends the whole login, Keycloak's too (../gxp-logout.js, shared by the webapps)
  customScripts: ['../gxp-logout'],
  // Cancelling or modifying an instance in Cockpit must run the project's listeners (audit trail, segregation of
  // duties) and the models' mappings: not skipped, and the choice to skip them is not offered.
  skipCustomListeners: {
    default: false,
    hidden: true
  },
  skipIoMappings: {
    default: false,
    hidden: true
  }
};
