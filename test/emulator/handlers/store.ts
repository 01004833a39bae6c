/* What the emulator keeps between requests: datasets, embed jobs, batches and their output files. */
import type { AvroCodec } from '../avro';
import { batches } from './batches';
import type { Json } from './common';
import { datasets } from './datasets';

export interface Dataset extends Json {
	id: string;
	name: string;
	dataset_type: string;
	validation_status: string;
	created_at: string;
}
export interface EmbedJob extends Json {
	job_id: string;
	status: string;
}
export interface StoredDataset {
	dataset: Dataset;
	rows: Json[];
	/** Status reads left before a "processing" dataset is validated. */
	validationPolls: number;
}
export class JobStore {
	datasets = new Map<string, StoredDataset>();
	jobs = new Map<string, EmbedJob & { polls: number }>();
	/** How many status reads an embed job stays "processing" before it completes. */
	pollsUntilComplete = 2;
	/** How many reads a new dataset stays "processing" before it is validated. */
	pollsUntilValidated = 0;
	/** Jobs on datasets whose name contains this fail instead of completing. */
	failingName = 'fail-job';
	/**
	 * Rows of output parts, served at /__files/<id>.<format> like Cohere's signed download URLs: Avro object
	 * container files as Cohere serves them (its SDK reads parts with fastavro), or JSONL as some gateways do.
	 */
	files = new Map<string, object[]>();
	/** The format and the Avro codec of the output parts the next jobs write. */
	partFormat: 'avro' | 'jsonl' = 'avro';
	partCodec: AvroCodec = 'deflate';
	batches = new Map<string, StoredBatch>();
	/**
	 * How a batch's output records hold the answer. Public clients show two shapes: `body` (the response as
	 * an object, `error` '' when none: RubyLLM's Cohere batches) and `response` (JSON text of
	 * {status_code, body}, `error` JSON text or null: toponymy's Cohere batch transport).
	 */
	batchOutputShape: 'body' | 'response' = 'body';
	/** Batch records whose user message contains this fail, as a record Cohere could not answer. */
	failingRecordText = 'fail-record';
	/** Extra output records appended to the next completed batch (to test misaligned output). */
	extraBatchRecords: Json[] = [];
	/** custom_ids whose records the next completed batch leaves out. */
	droppedBatchRecords: string[] = [];
	private counter = 0;
	nextId(prefix: string) {
		this.counter++;
		return `${prefix}-${String(this.counter).padStart(4, '0')}`;
	}
}

/** The file of a multipart/form-data upload, as the emulator server parsed it. */
export interface UploadedFile {
	filename: string;
	content: string;
}

export interface StoredBatch {
	batch: Json & { id: string; status: string };
	polls: number;
}
