/** The fields nodes share, by kind: locators, the Options collection, and the rest. */
export * from './collections';
export * from './fields';
export * from './locators';
