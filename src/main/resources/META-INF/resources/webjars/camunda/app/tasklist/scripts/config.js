/*
 * GxP Flow's Tasklist configuration: Camunda's default (shortcuts) plus the electronic signature
 * plugin (Sign tab), the MLR review plugin (Review tab), the deviation requests plugin (Requests tab), the GxP record
 * of the task's process instance (Record tab), the switch for one's own email
 * notifications and "Out of office" with a deputy (top bar), and "Log out" through the application's /logout
 * (../gxp-logout.js, shared by the webapps). What the plugins share (calling /api, building markup) is in
 * scripts/gxp-shared/.
 * This file replaces app/tasklist/scripts/config.js of the Camunda webjar (the application's classes come
 * first on the classpath).
 */
export default {
  customScripts: [
    'scripts/gxp-signature/plugin',
    'scripts/gxp-review/plugin',
    'scripts/gxp-requests/plugin',
    'scripts/gxp-record/plugin',
    'scripts/gxp-notifications/plugin',
    'scripts/gxp-deputy/plugin',
    // "Log out" ends the whole login, Keycloak's too (shared by the webapps)
    '../gxp-logout'
  ],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
