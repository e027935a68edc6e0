/**
 * Rate limits of the public write routes, per route and client IP and per route and e-mail
 * address (normalised), with rate-limiter-flexible's in-memory store: each CMS instance counts
 * on its own, which is enough against one client flooding one form. The key is the route's name,
 * never the request path or body as sent, so changing the case of the path or adding a field
 * does not reset the count.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export const WINDOW_SECONDS = 600;

export interface RateLimits {
  perIp: number;
  perEmail: number;
}

export interface Limiter {
  /** False when the client or the address has used up its requests for the window. */
  allow(route: string, ip: string, email?: string | null): Promise<boolean>;
}

export function createLimiter({ perIp, perEmail }: RateLimits): Limiter {
  const byIp = new RateLimiterMemory({ keyPrefix: 'ip', points: perIp, duration: WINDOW_SECONDS });
  const byEmail = new RateLimiterMemory({ keyPrefix: 'email', points: perEmail, duration: WINDOW_SECONDS });
  const take = async (limiter: RateLimiterMemory, key: string): Promise<boolean> => {
    try {
      await limiter.consume(key);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  };
  return {
    async allow(route, ip, email) {
      if (!(await take(byIp, `${route}:${ip}`))) return false;
      return email ? take(byEmail, `${route}:${email}`) : true;
    },
  };
}
