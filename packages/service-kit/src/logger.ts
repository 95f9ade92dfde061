import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import type { BaseConfig } from './config.ts';

/**
 * Paths pino blanks out. Fastify's request serializer leaves headers out, but handlers log objects
 * that carry them (or credentials) and a leaked bearer token is a live credential.
 */
export const REDACTED_PATHS = [
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'request.headers.authorization',
  'request.headers.cookie',
  'request.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'authorization',
  'apiKey',
  'password',
  'secret',
  'token',
  '*.apiKey',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
];

export interface LoggerSettings {
  level: BaseConfig['LOG_LEVEL'];
  pretty: boolean;
  serviceName: string;
}

export function loggerOptions(settings: LoggerSettings): LoggerOptions {
  return {
    level: settings.level,
    base: { service: settings.serviceName },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

/**
 * The process logger: JSON lines by default (what log shippers want), pino-pretty for local runs.
 * `destination` lets tests capture lines.
 */
export function createLogger(settings: LoggerSettings, destination?: DestinationStream): Logger {
  const options = loggerOptions(settings);
  if (destination) return pino(options, destination);
  if (settings.pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(options);
}

export function loggerSettingsFrom(config: BaseConfig): LoggerSettings {
  return { level: config.LOG_LEVEL, pretty: config.LOG_PRETTY, serviceName: config.SERVICE_NAME };
}
