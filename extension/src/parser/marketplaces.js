// Every Seller Central marketplace domain, plus Brand Registry's own case log.
// build.mjs derives the manifest's host permissions and content-script matches from this list.
export const SELLER_CENTRAL_HOSTS = [
  'sellercentral.amazon.com',
  'sellercentral.amazon.ca',
  'sellercentral.amazon.com.mx',
  'sellercentral.amazon.com.br',
  'sellercentral.amazon.co.uk',
  'sellercentral.amazon.de',
  'sellercentral.amazon.fr',
  'sellercentral.amazon.it',
  'sellercentral.amazon.es',
  'sellercentral.amazon.nl',
  'sellercentral.amazon.pl',
  'sellercentral.amazon.se',
  'sellercentral.amazon.com.be',
  'sellercentral.amazon.ie',
  'sellercentral.amazon.com.tr',
  'sellercentral.amazon.ae',
  'sellercentral.amazon.sa',
  'sellercentral.amazon.eg',
  'sellercentral.amazon.in',
  'sellercentral.amazon.co.jp',
  'sellercentral.amazon.com.au',
  'sellercentral.amazon.sg',
  'sellercentral.amazon.co.za',
  'sellercentral-europe.amazon.com',
  'brandregistry.amazon.com',
];

export function isSellerCentralHost(hostname) {
  return SELLER_CENTRAL_HOSTS.includes(String(hostname).toLowerCase());
}

/** Match patterns for the manifest (any scheme the browser allows, any port). */
export function matchPatterns() {
  return SELLER_CENTRAL_HOSTS.map((host) => `*://${host}/*`);
}
