import type { Core } from '@strapi/strapi';

/** "Czy ten poradnik był pomocny?" (src/feedback/): read with strapi.config.get('feedback'). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Answers per client IP in a sliding 10-minute window: a reader rates a handful of guides, a script many.
  rateLimitPerIp: env.int('FEEDBACK_RATE_LIMIT_IP', 30),
});
