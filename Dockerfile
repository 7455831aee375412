# syntax=docker/dockerfile:1

# Build: compile TypeScript to dist/ with the dev dependencies, which stay in this stage.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime: production dependencies and compiled JavaScript only; tsx and the TypeScript sources are not needed.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
# Mount your own documents here; the bot re-indexes them on change without a restart.
VOLUME /app/knowledge
USER node
EXPOSE 3000
# slim has no curl: ask /healthz with Node itself (200 once at least one document is loaded).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly (not npm start) so SIGTERM reaches the bot and it shuts down gracefully.
CMD ["node", "dist/bin/main.js"]
