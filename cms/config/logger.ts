import { winston, formats } from '@strapi/logger';

// LOG_LEVEL lets scripts and tests keep Strapi's start-up chatter out of their output.
const level = process.env.LOG_LEVEL ?? 'http';

export default {
  transports: [
    new winston.transports.Console({
      level,
      format: winston.format.combine(formats.levelFilter(level), formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
};
