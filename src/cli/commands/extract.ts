/**
 * `tradegraph extract <file>`: a document (text, Markdown or HTML, English or Chinese) -> a draft
 * curated .jsonl for review (src/extract). Reads the graph's names to match entities; writes
 * nothing to the graph: a person reviews the draft and imports it with `tradegraph import`.
 */
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { extractDocument } from '../../extract';
import type { DocumentMeta } from '../../extract/document';
import { NODE_KINDS } from '../../model';
import { migrate } from '../../neo4j/migrations';
import { say } from '../say';
import { withNeo4j } from '../with-neo4j';

/** The command's options: the source's metadata (as front matter gives it) plus where and how to write. */
type ExtractOpts = Omit<DocumentMeta, 'note' | 'language'> & {
  out?: string;
  language?: 'en' | 'zh';
  prefix?: string;
  subject?: string;
  fileRef?: string;
};

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('Draft curated records (.jsonl, for review) from a document: a source, sentence excerpts, matched entities, figures, flows, relations')
    .argument('<file>', 'a .txt, .md or .html document (UTF-8), optionally with YAML front matter (title, publisher, url, published, retrieved, kind, language, id)')
    .option('-o, --out <file>', 'where to write the draft (default: <file>.draft.jsonl; "-" for stdout)')
    .option('--id <id>', 'source id (default: source:<file name>)')
    .option('--title <title>', 'source title')
    .option('--publisher <name>', 'publisher')
    .option('--url <url>', 'where the document was published')
    .option('--published <date>', 'publication date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--retrieved <date>', 'when it was retrieved')
    .addOption(new Option('--kind <kind>', 'source kind').choices(NODE_KINDS.SOURCE.kinds.filter((k) => k !== 'synthetic')))
    .addOption(new Option('--language <lang>', 'language of every sentence (default: detected per paragraph)').choices(['en', 'zh']))
    .option('--prefix <prefix>', 'prefix of excerpt and record ids (default: the source id without "source:")')
    .option('--subject <id>', 'the region the document is about (e.g. gb:500000), for facts that name no place')
    .option('--file-ref <name>', 'the source record\'s `file` (default: the file\'s base name)')
    .action(async (file: string, opts: ExtractOpts) => {
      const { out, prefix, subject, fileRef, language, ...meta } = opts;
      const draft = await withNeo4j(async ({ db }) => {
        await migrate(db);
        return extractDocument(db, file, { meta, prefix, subject, fileRef, language });
      });
      const target = out ?? `${file}.draft.jsonl`;
      if (target === '-') process.stdout.write(draft.text);
      else fs.writeFileSync(target, draft.text);
      const x = draft.extraction;
      const count = (t: string) => x.records.filter((r) => r.type === t).length;
      say.info(
        `${draft.excerpts.length} excerpts, ${x.matched.size} entities matched, ${count('figure')} figures, ${count('flow')} flows, ${count('facility')} facilities, ${count('link')} links, ${x.review.length} review notes${target === '-' ? '' : ` -> ${target}`}`,
      );
    });
}
