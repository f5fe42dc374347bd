/**
 * The manifest names https://localhost:3000 (the dev server). A production build for a real host rewrites
 * those URLs to ADDIN_BASE_URL, so one manifest.xml serves both.
 */
'use strict';

const DEV_BASE_URL = 'https://localhost:3000';

/** Checks and normalises a base URL: https only (Office refuses add-ins over http), no trailing slash. */
function parseBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: "${baseUrl}". Use the https address the add-in is served from, e.g. https://example.org/commissioning`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_BASE_URL must use https (Office loads add-ins only over https): "${baseUrl}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_BASE_URL must not carry a query or fragment: "${baseUrl}"`);
  }
  // URL percent-encodes <, > and " in paths but keeps &, which XML needs escaped.
  const base = (url.origin + url.pathname.replace(/\/+$/, '')).replace(/&/g, '&amp;');
  return { origin: url.origin, base };
}

/**
 * Replaces every dev-server URL in the manifest with the same path under baseUrl. An AppDomain is a domain,
 * not a folder, so it becomes the base URL's origin.
 */
function rewriteManifestUrls(manifestXml, baseUrl) {
  const { origin, base } = parseBaseUrl(baseUrl);
  return manifestXml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_BASE_URL)
    .join(base);
}

module.exports = { DEV_BASE_URL, parseBaseUrl, rewriteManifestUrls };
