# syntax=docker/dockerfile:1
# Build stage: compile TypeScript and the native SQLite binding, then drop dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY dashboard/package.json ./dashboard/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ormconfig.ts ./
COPY src ./src
COPY scripts ./scripts
COPY bench ./bench
COPY dashboard ./dashboard
# Builds the API and the dashboard (dashboard/dist); the dashboard's packages are build-time only.
RUN npm run build && npm prune --omit=dev

# Runtime stage: only what runs, as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8000 \
    HOST=0.0.0.0 \
    DATABASE_PATH=/app/data/shawn-brain.sqlite
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/dashboard/dist ./dashboard/dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8000
# Liveness, not readiness: orchestrators that act on this status (Swarm, autoheal) restart an
# unhealthy container, which helps a wedged process but not a database outage (readiness would turn
# every replica unhealthy and restart them all while PostgreSQL is down). Load balancers and compose's
# depends_on use /api/health/ready instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/api/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
