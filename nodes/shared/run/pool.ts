/**
 * Runs `task` for every index with at most `concurrency` in flight; a lane takes the next index as soon as
 * its task is done. `shouldStop` is checked before each new task so that a failure can stop the rest.
 */
export async function runPool(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<void>,
	shouldStop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, count));
	const lane = async () => {
		while (next < count && !shouldStop()) await task(next++);
	};
	await Promise.all(Array.from({ length: lanes }, lane));
}

/** Splits `list` into consecutive groups of at most `size` entries (and `maxWeight` total weight, if given). */
export function pack<T>(
	list: T[],
	size: number,
	weight?: (entry: T) => number,
	maxWeight = Infinity,
): T[][] {
	const groups: T[][] = [];
	let current: T[] = [];
	let currentWeight = 0;
	for (const entry of list) {
		const entryWeight = weight ? weight(entry) : 0;
		if (current.length > 0 && (current.length >= size || currentWeight + entryWeight > maxWeight)) {
			groups.push(current);
			current = [];
			currentWeight = 0;
		}
		current.push(entry);
		currentWeight += entryWeight;
	}
	if (current.length > 0) groups.push(current);
	return groups;
}
