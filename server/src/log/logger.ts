import { pino, type Logger } from 'pino';

/** Structured JSON logs; credentials and tokens are redacted wherever they appear in a logged object. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'crm' },
    redact: {
      paths: [
        '*.authorization',
        '*.Authorization',
        '*.accessToken',
        '*.password',
        '*.clientSecret',
        '*.stateSecret',
        'headers.authorization',
        'req.headers.authorization',
      ],
      censor: '***',
    },
  });
}
