# One image for the API (which also serves the dashboard and the hall floor's pages), the worker, the CLI
# and the living demo's simulator.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api worker cli dashboard floor demo-live --parallel=2

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DASHBOARD_DIR=/app/dist/apps/dashboard/browser FLOOR_DIR=/app/dist/apps/floor/browser
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
