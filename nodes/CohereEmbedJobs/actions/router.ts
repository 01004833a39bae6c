import { createRouter } from '../../shared/run/router';
import * as datasetCreate from './dataset/create.operation';
import * as datasetDelete from './dataset/delete.operation';
import * as datasetGet from './dataset/get.operation';
import * as datasetGetUsage from './dataset/getUsage.operation';
import * as datasetList from './dataset/list.operation';
import * as jobCancel from './embedJob/cancel.operation';
import * as jobCreate from './embedJob/create.operation';
import * as jobGet from './embedJob/get.operation';
import * as jobList from './embedJob/list.operation';

export const router = createRouter({
	selectBy: ['resource', 'operation'],
	operations: {
		dataset: {
			create: datasetCreate,
			get: datasetGet,
			list: datasetList,
			getUsage: datasetGetUsage,
			delete: datasetDelete,
		},
		embedJob: { create: jobCreate, get: jobGet, list: jobList, cancel: jobCancel },
	},
});
