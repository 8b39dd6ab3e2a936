#!/usr/bin/env bash
# Keycloak for GxP Flow on http://localhost:8180, realm gxpflow imported from keycloak/gxpflow-realm.json.
# Demo and development only: dev mode, plain HTTP, embedded H2 database (keycloak/README.md).
#
#   keycloak/run.sh                 in the foreground; Ctrl-C stops it
#   keycloak/run.sh --background    detached; returns once the realm answers (pid and log in target/keycloak/)
#   keycloak/run.sh --stop          stops the one started with --background
#   add --keep-data to keep what was changed in the last run (users, lockouts, admin console edits); without it
#   every start imports the realm file afresh
#
# The distribution comes from Maven Central (org.keycloak:keycloak-quarkus-dist, version in pom.xml) and is unpacked
# into target/keycloak/ by ./mvnw dependency:unpack@keycloak-dist. Keycloak runs on the java of JAVA_HOME, or on
# the PATH when JAVA_HOME is unset (Java 17 or newer).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port=8180
realm_url="http://localhost:$port/realms/gxpflow/.well-known/openid-configuration"
mode=foreground
keep_data=no
for arg in "$@"; do
  case "$arg" in
    --background) mode=background ;;
    --stop) mode=stop ;;
    --keep-data) keep_data=yes ;;
    *) echo "usage: keycloak/run.sh [--background | --stop] [--keep-data]" >&2; exit 2 ;;
  esac
done

version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)
home="target/keycloak/keycloak-$version"
pid_file=target/keycloak/keycloak.pid
log_file=target/keycloak/keycloak.log

answering() { curl -fsS -o /dev/null --max-time 2 "$realm_url" 2>/dev/null; }

if [[ $mode == stop ]]; then
  if [[ -f $pid_file ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    kill "$(cat "$pid_file")" # kc.sh passes TERM on to Keycloak's JVM
    for _ in $(seq 1 30); do kill -0 "$(cat "$pid_file")" 2>/dev/null || break; sleep 1; done
    rm -f "$pid_file"
    echo "Keycloak stopped"
  else
    echo "no Keycloak started by keycloak/run.sh --background is running"
  fi
  exit 0
fi

if answering; then
  echo "Keycloak already answers at $realm_url"
  [[ $mode == background ]] && exit 0
  exit 1
fi

if [[ ! -x $home/bin/kc.sh ]]; then
  echo "Unpacking Keycloak $version into target/keycloak/ (the first time Maven downloads about 160 MB)"
  ./mvnw -B -ntp -q dependency:unpack@keycloak-dist
fi

# the realm is imported when Keycloak starts; a realm already in its database is left as it is, so a fresh
# database (the default) is what makes the realm file count
mkdir -p "$home/data/import"
cp keycloak/gxpflow-realm.json "$home/data/import/"
if [[ $keep_data == no ]]; then
  rm -rf "$home/data/h2"
fi

# the master realm's administrator (http://localhost:8180/admin/), created on a fresh database only: demo only
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-kcadmin}"
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
# this machine only, as the demo admin's password is public; KC_HTTP_HOST=0.0.0.0 opens it to the network
export KC_HTTP_HOST="${KC_HTTP_HOST:-127.0.0.1}"
command=("$home/bin/kc.sh" start-dev "--http-port=$port" --import-realm)

if [[ $mode == foreground ]]; then
  exec "${command[@]}"
fi

setsid nohup "${command[@]}" >"$log_file" 2>&1 </dev/null &
echo $! >"$pid_file"
echo "Keycloak starting (pid $(cat "$pid_file"), log $log_file)"
for _ in $(seq 1 180); do
  if answering; then
    echo "Keycloak is up: http://localhost:$port/admin/ (kcadmin/kcadmin), realm gxpflow"
    exit 0
  fi
  if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "Keycloak exited while starting; the end of $log_file:" >&2
    tail -30 "$log_file" >&2
    exit 1
  fi
  sleep 1
done
echo "Keycloak did not answer at $realm_url within 180 s; see $log_file" >&2
exit 1
