/** Keys shorter than this are not redacted: replacing a 3-letter test key would garble every message. */
const MIN_SECRET_LENGTH = 6;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every occurrence of `secret` (as it is, and URL-encoded) in the strings of `value`, however deeply
 * nested, with `***`. Servers and gateways sometimes echo the request headers in an error; what they send
 * back must not carry the API key into node errors, error items, saved executions or logs.
 */
export function redactSecret<T>(value: T, secret: string): T {
	if (!secret || secret.length < MIN_SECRET_LENGTH) return value;
	const forms = [...new Set([secret, encodeURIComponent(secret)])].map(escapeRegExp);
	const pattern = new RegExp(forms.join('|'), 'g');
	const seen = new WeakMap<object, unknown>();
	const walk = (entry: unknown): unknown => {
		if (typeof entry === 'string') return entry.replace(pattern, '***');
		if (!entry || typeof entry !== 'object') return entry;
		if (seen.has(entry)) return seen.get(entry);
		if (Array.isArray(entry)) {
			const copy: unknown[] = [];
			seen.set(entry, copy);
			for (const element of entry) copy.push(walk(element));
			return copy;
		}
		const copy: Record<string, unknown> = {};
		seen.set(entry, copy);
		for (const [key, element] of Object.entries(entry)) copy[walk(key) as string] = walk(element);
		return copy;
	};
	return walk(value) as T;
}
