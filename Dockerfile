# Saeil image: one Dockerfile for every process role.
#
#   docker build -t saeil .                    # default: api + worker in one process (apps/saeil)
#   docker build --target api    -t saeil-api .     # HTTP api only          (apps/api)
#   docker build --target worker -t saeil-worker .  # relay + projections    (apps/worker)
#   docker build --target ministry-dashboard -t saeil-ministry-dashboard .  # the Ministry dashboard alone (apps/ministry-dashboard)
#
# docker-compose.yml builds the `api`, `worker` and `ministry-dashboard` targets. Every role needs DATABASE_URL;
# set KAFKA_BROKERS to route events through Kafka. The process listens on $PORT (3000) on all
# interfaces and answers GET /health (200 when its dependencies are reachable, 503 otherwise).

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: all dependencies (dev included), compile TypeScript into dist/
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# swagger-ui-dist pulls in @scarf/scarf, whose install script reports installs; package.json's
# allowScripts denies it, and this also turns it off for npm versions that only warn.
ENV SCARF_ANALYTICS=false
# Manifests first, so that the dependency layer is reused until package*.json change. The web app
# is an npm workspace of the root: npm ci needs its manifest too.
COPY package.json package-lock.json ./
COPY apps/web/package.json apps/web/
RUN npm ci --no-audit --no-fund
COPY . .
# Compiles the server into dist/ and builds the web app into dist/web (served under /app/).
RUN npm run build

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies and the compiled output only, run as the unprivileged `node`
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
# The web app's packages are all devDependencies (it ships as the built files in dist/web), so
# --omit=dev installs nothing for it; npm still needs the workspace's manifest.
COPY apps/web/package.json apps/web/
# The application files stay owned by root (read-only for the process). .data/ is the one
# writable place: it is only used when DATABASE_URL is unset (embedded PostgreSQL).
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force \
 && mkdir -p /app/.data \
 && chown node:node /app/.data
# dist/ holds the compiled server and the built web app (dist/web).
COPY --from=build /app/dist ./dist
# Program rules that are configuration, not code (subsidy schedules, grant caps): read at start.
COPY --from=build /app/config ./config
USER node
EXPOSE 3000
# For `docker run`; docker-compose.yml declares its own (same probe, fixed port).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/saeil/src/main.js"]

FROM runtime AS api
CMD ["node", "dist/apps/api/src/main.js"]

FROM runtime AS worker
CMD ["node", "dist/apps/worker/src/main.js"]

# The Ministry dashboard, apart from the case system: reads only saeil.ministry.stats.v1.
FROM runtime AS ministry-dashboard
CMD ["node", "dist/apps/ministry-dashboard/src/main.js"]

# Last stage = what a plain `docker build .` produces: both roles in one process.
FROM runtime AS saeil
CMD ["node", "dist/apps/saeil/src/main.js"]
