/** Cohere chat: the request (settings to body, the one `/v2/chat` sender) and the answer (to an item). */
export * from './request';
export * from './answer';
