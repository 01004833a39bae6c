/** snappyjs (a devDependency, used by the tests to write Avro's snappy codec) ships no types. */
declare module 'snappyjs' {
	export function compress(input: Uint8Array): Uint8Array;
	export function uncompress(input: Uint8Array): Uint8Array;
}
