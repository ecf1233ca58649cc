/**
 * The rejects file: every rejected record with its file, line and reason(s), as CSV
 * (`file,line,reason,record`; `record` is the record's text as read), so a user can fix and
 * re-import exactly those rows.
 */
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';

export class RejectsFile {
  private readonly fd: number;
  private buffer: string[] = [];
  count = 0;

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'w');
    fs.writeSync(this.fd, 'file,line,reason,record\n');
  }

  add(file: string, line: number, reasons: string[], record: string | undefined): void {
    this.count += 1;
    this.buffer.push(stringify([[file, line, reasons.join('; '), record ?? '']]));
    if (this.buffer.length >= 1000) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
