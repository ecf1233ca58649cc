/** What the pipeline needs from a reader of one input format. */
import type { RowItem } from '../types';

export interface ReaderOptions {
  encoding?: string;
  /** e.g. HS2022: the edition of an HS file, and of Comtrade rows classified as "HS" (as reported). */
  hsEdition: string;
  createMissing: boolean;
  /** Counts bytes read, for the progress bar. */
  onBytes?: (n: number) => void;
}

export interface Reader {
  /**
   * Parses one file into items, one per record, with errors attached to the record's line.
   * Must be deterministic: with `batchCommit` the pipeline reads each file more than once.
   */
  read(file: string, opts: ReaderOptions): AsyncIterable<RowItem>;
  /**
   * Items about the files themselves (their Source and Excerpt), known once every file was read.
   */
  fileItems?(): RowItem[];
  /**
   * Items creating referenced nodes that are neither in the import nor in the graph, for the ids
   * the reader knows how to create (countries from the reference table, HS codes named in a file).
   * Called only with `createMissing`. Ids it cannot create stay errors.
   */
  createMissing?(ids: string[]): RowItem[];
}
