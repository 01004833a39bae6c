import { createRouter } from '../../shared/run/router';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as runChat from './runChat.operation';

export const router = createRouter({
	selectBy: ['operation'],
	operations: { runChat, create, get, list, cancel },
});
