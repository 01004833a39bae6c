/* The command-line options of the suites and benchmarks (`--items 500`, `--only a,b`), read in one way. */

/** `--name value`, as text. */
export function textArg(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

/** `--name value`, as a number; a value that is not one is refused. */
export function numberArg(name: string, fallback: number): number {
	const value = Number(textArg(name, String(fallback)));
	if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`);
	return value;
}

/** `--name a,b`: the listed words, or undefined when the option is absent. */
export function listArg(name: string): string[] | undefined {
	const value = textArg(name, '');
	return value ? value.split(',') : undefined;
}
