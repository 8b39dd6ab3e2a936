#!/bin/sh
# The two database roles of README "PostgreSQL", for docker-compose.yml: run once by the postgres image
# (/docker-entrypoint-initdb.d) on an empty data directory, as its superuser.
#   gxpflow_owner  owns the database gxpflow; Liquibase runs as it (GXPFLOW_DB_OWNER_USER)
#   gxpflow        the application (GXPFLOW_DB_USER); Liquibase grants it only what it needs
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="${GXPFLOW_DB_OWNER_PASSWORD:?}" -v app_password="${GXPFLOW_DB_PASSWORD:?}" <<'SQL'
CREATE ROLE gxpflow_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE gxpflow LOGIN PASSWORD :'app_password';
CREATE DATABASE gxpflow OWNER gxpflow_owner;
\connect gxpflow
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
