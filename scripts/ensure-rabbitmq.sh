#!/usr/bin/env bash
# Makes sure a RabbitMQ broker answers on AMQP_HOST:AMQP_PORT (default 127.0.0.1:5672).
# When nothing answers and the broker is installed locally, starts it detached and waits for it.
set -euo pipefail

host="${AMQP_HOST:-127.0.0.1}"
port="${AMQP_PORT:-5672}"
wait_seconds="${RABBITMQ_WAIT_SECONDS:-90}"

answers() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

# Tests give each file its own virtual host through the management API (port 15672).
enable_management() {
  if [ "$host" = "127.0.0.1" ] && command -v rabbitmq-plugins >/dev/null 2>&1 &&
    ! (exec 3<>"/dev/tcp/$host/15672") 2>/dev/null; then
    echo "rabbitmq: enabling the management plugin"
    rabbitmq-plugins enable rabbitmq_management >/dev/null || echo "rabbitmq: could not enable the management plugin; tests fall back to name prefixes" >&2
  fi
}

if answers; then
  echo "rabbitmq: answering on $host:$port"
  enable_management
  exit 0
fi

if ! command -v rabbitmq-server >/dev/null 2>&1; then
  echo "rabbitmq: nothing answers on $host:$port and rabbitmq-server is not installed (apt-get install rabbitmq-server, or set AMQP_URL)" >&2
  exit 1
fi

echo "rabbitmq: nothing answers on $host:$port; starting rabbitmq-server -detached"
rabbitmq-server -detached || true
for ((i = 0; i < wait_seconds; i++)); do
  if answers; then
    echo "rabbitmq: up after ${i}s"
    enable_management
    exit 0
  fi
  sleep 1
done
echo "rabbitmq: still not answering on $host:$port after ${wait_seconds}s" >&2
exit 1
