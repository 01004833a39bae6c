/**
 * The one rule for where the API key may go: only to the credential's Base URL origin (scheme, host and
 * port). The transport applies it to every redirect, and Raw HTTP to every full URL a user gives. Cohere's
 * two domains (api.cohere.com and api.cohere.ai) are two origins: the key goes only to the one the user set.
 */
export function keyMayGoTo(baseOrigin: string, target: URL | string): boolean {
	let url: URL;
	try {
		url = typeof target === 'string' ? new URL(target) : target;
	} catch {
		return false;
	}
	return url.origin === baseOrigin;
}
