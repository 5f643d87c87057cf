// The browser-side rules every response carries: the Content-Security-Policy
// and helmet's other headers, and the Permissions-Policy. Its own file so that
// the mutation run (npm run test:mutation -- web-rules) can change these rules
// alone and run only the tests that read the headers.
import type { HelmetOptions } from 'helmet';
import { STANDALONE_STYLE_CSP_HASH } from '../render/html.ts';

/** Features the app never uses, denied; clipboard-write stays for the email page's Copy buttons. */
export const PERMISSIONS_POLICY = [
  'camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'bluetooth=()', 'hid=()',
  'midi=()', 'magnetometer=()', 'gyroscope=()', 'accelerometer=()', 'display-capture=()', 'interest-cohort=()',
  'browsing-topics=()', 'clipboard-read=()', 'clipboard-write=(self)',
].join(', ');

/**
 * Helmet's options. HTTPS lives at the proxy: served directly the app speaks
 * plain HTTP (often on a LAN address), where HSTS and upgrade-insecure-requests
 * would send browsers to an https:// that does not answer.
 */
export function securityOptions(behindHttpsProxy: boolean): HelmetOptions {
  return {
    hsts: behindHttpsProxy,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", STANDALONE_STYLE_CSP_HASH],
        upgradeInsecureRequests: behindHttpsProxy ? [] : null,
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  };
}
