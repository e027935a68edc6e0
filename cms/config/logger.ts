import { winston, formats } from '@strapi/logger';

// LOG_LEVEL lets scripts and tests keep Strapi's start-up chatter out of their output.
const level = process.env.LOG_LEVEL ?? 'http';
const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];

export default {
  transports: [
    new winston.transports.Console({
      level,
      // Scripts print their result on stdout (e.g. an API token), so Strapi's own lines go to stderr there.
      stderrLevels: process.env.LOG_TO_STDERR === 'true' ? LEVELS : ['error', 'warn'],
      format: winston.format.combine(formats.levelFilter(level), formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
};
