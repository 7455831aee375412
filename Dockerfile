# syntax=docker/dockerfile:1

# Build: compile TypeScript to dist/ with the dev dependencies, which stay in this stage. Install scripts are
# skipped: tsc needs no native module.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Production dependencies, with better-sqlite3's native module: its prebuilt binary is fetched when it can be,
# and compiled with this stage's toolchain when it cannot. The toolchain stays in this stage.
# pdfjs-dist's optional dependency @napi-rs/canvas comes as a prebuilt binary package for this platform
# (@napi-rs/canvas-linux-x64-gnu or -arm64-gnu on this glibc image); nothing is compiled. It is only for
# drawing pages, which the bot never does: where npm skips it (no binary for the platform, or
# `npm ci --omit=optional`), the PDF reader puts an inert stand-in in its place and PDFs still read.
FROM node:20-slim AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# Runtime: production dependencies and compiled JavaScript only; tsx and the TypeScript sources are not needed.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
# Mount your own documents here; the bot re-indexes them on change without a restart.
VOLUME /app/knowledge
# The SQLite store (timers, limits) lives here; keep it on a volume so it survives a new container. Not used
# when REDIS_URL is set.
ENV DATA_DIR=/app/data
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3000
# slim has no curl: ask /healthz with Node itself (200 once at least one document is loaded).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly (not npm start) so SIGTERM reaches the bot and it shuts down gracefully.
CMD ["node", "dist/bin/main.js"]
