/** What the unit tests share: a node for the errors the sources build, as n8n would pass it. */
export const testNode = {
	id: 'n1',
	name: 'Cohere Test',
	type: 'n8n-nodes-cohere.cohereTest',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};
