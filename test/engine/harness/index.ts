/* Runs our nodes the way n8n does: the package is loaded from its built `dist/` through the package.json
 * `n8n` block by n8n-core's PackageDirectoryLoader, and workflows run in n8n-core's WorkflowExecute. */
export * from './loader';
export * from './run';
export * from './editor';
